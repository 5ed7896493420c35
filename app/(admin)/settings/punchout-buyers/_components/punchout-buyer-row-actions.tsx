"use client";

import { ConfirmedRowAction } from "@/components/actions/confirmed-row-action";
import { deletePunchoutBuyerAction, disablePunchoutBuyerAction, enablePunchoutBuyerAction } from "@/lib/punchout/actions";
import type { PunchoutBuyerListItem } from "@/lib/punchout/buyers";

/** What each of a buyer's actions asks, and what it is called once done. */
const ACTIONS = {
  Enable: {
    description: "Its procurement system can punch out again with the credentials it already has.",
    destructive: false,
    run: enablePunchoutBuyerAction,
    done: "enabled",
  },
  Disable: {
    description:
      "Its setup requests and logins are refused from now on, its unused start links stop working and the shop sessions of its punch-outs end. Enable it again to let it back in with the same credentials.",
    destructive: true,
    run: disablePunchoutBuyerAction,
    done: "disabled",
  },
  Delete: {
    description:
      "Its credentials are deleted: the procurement system cannot punch out again, its unused start links stop working and the shop sessions of its punch-outs end. Its past punch-outs stay in the audit log and the Login Tokens table. This cannot be undone.",
    destructive: true,
    run: deletePunchoutBuyerAction,
    done: "deleted",
    confirmLabel: "Delete buyer",
  },
};

/** Disable or enable one buyer, or delete it. */
export function PunchoutBuyerRowActions({ buyer }: { buyer: Pick<PunchoutBuyerListItem, "id" | "name" | "disabledAt"> }) {
  const quoted = `“${buyer.name}”`;
  const verbs = [buyer.disabledAt ? "Enable" : "Disable", "Delete"] as const;
  return (
    <div className="flex justify-end gap-1">
      {verbs.map((verb) => {
        const { run, done, ...ask } = ACTIONS[verb];
        return (
          <ConfirmedRowAction
            key={verb}
            verb={verb}
            row={buyer.name}
            title={`${verb} ${quoted}?`}
            {...ask}
            run={() => run({ id: buyer.id })}
            done={`${quoted} ${done}`}
            failed={`Not ${done}`}
          />
        );
      })}
    </div>
  );
}
