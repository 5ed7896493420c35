"use client";

import { useAnswered } from "@/components/actions/use-answered";
import { RowActionButton } from "@/components/data-table/row-action-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deletePunchoutBuyerAction, disablePunchoutBuyerAction, enablePunchoutBuyerAction } from "@/lib/punchout/actions";
import type { PunchoutBuyerListItem } from "@/lib/punchout/buyers";

/** Disable or enable one buyer, or delete it. */
export function PunchoutBuyerRowActions({ buyer }: { buyer: Pick<PunchoutBuyerListItem, "id" | "name" | "disabledAt"> }) {
  const answered = useAnswered();

  const input = { id: buyer.id };
  return (
    <div className="flex justify-end gap-1">
      {buyer.disabledAt ? (
        <ConfirmDialog
          trigger={<RowActionButton aria-label={`Enable ${buyer.name}`}>Enable</RowActionButton>}
          title={`Enable “${buyer.name}”?`}
          description="Its procurement system can punch out again with the credentials it already has."
          confirmLabel="Enable"
          onConfirm={async () => answered(await enablePunchoutBuyerAction(input), `“${buyer.name}” enabled`, "Not enabled")}
        />
      ) : (
        <ConfirmDialog
          trigger={
            <RowActionButton destructive aria-label={`Disable ${buyer.name}`}>
              Disable
            </RowActionButton>
          }
          title={`Disable “${buyer.name}”?`}
          description="Its setup requests and logins are refused from now on, its unused start links stop working and the shop sessions of its punch-outs end. Enable it again to let it back in with the same credentials."
          confirmLabel="Disable"
          destructive
          onConfirm={async () => answered(await disablePunchoutBuyerAction(input), `“${buyer.name}” disabled`, "Not disabled")}
        />
      )}
      <ConfirmDialog
        trigger={
          <RowActionButton destructive aria-label={`Delete ${buyer.name}`}>
            Delete
          </RowActionButton>
        }
        title={`Delete “${buyer.name}”?`}
        description="Its credentials are deleted: the procurement system cannot punch out again, its unused start links stop working and the shop sessions of its punch-outs end. Its past punch-outs stay in the audit log and the Login Tokens table. This cannot be undone."
        confirmLabel="Delete buyer"
        destructive
        onConfirm={async () => answered(await deletePunchoutBuyerAction(input), `“${buyer.name}” deleted`, "Not deleted")}
      />
    </div>
  );
}
