"use client";

import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { actionData, type ActionResult } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { ListTable } from "@/components/data-table/list-table";
import { RowActionButton } from "@/components/data-table/row-action-button";
import { TableCell, TableRow } from "@/components/ui/table";
import { endOtherSessionsAction, endSessionAction } from "@/lib/staff/account-actions";
import type { OwnSession } from "@/lib/staff/account-queries";

/** One's own live sessions, with End for each other one and End all others. */
export function OwnSessionsTable({ sessions }: { sessions: OwnSession[] }) {
  const router = useRouter();

  async function ended(result: ActionResult<{ ended: number }>) {
    const done = actionData(result, "Nothing was ended");
    if (!done) return;
    toast.success(done.ended === 1 ? "1 session ended" : `${done.ended} sessions ended`);
    router.refresh();
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-3">
      <div className="overflow-x-auto rounded-lg border bg-card">
        <ListTable label="Active sessions" columns={["Browser", "Address", "Signed in at", "Last seen"]} rows={sessions}>
          {(session) => (
            <TableRow key={session.id}>
              <TableCell className="font-medium">{session.browser}</TableCell>
              <TableCell className="font-mono text-xs">{session.ip ?? "—"}</TableCell>
              <TableCell className="whitespace-nowrap">
                <LocalDateTime value={session.createdAt} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <LocalDateTime value={session.lastSeenAt} />
              </TableCell>
              <TableCell className="text-right">
                {session.current ? (
                  <Badge variant="success">This session</Badge>
                ) : (
                  <RowActionButton onClick={async () => ended(await endSessionAction({ id: session.id }))}>End</RowActionButton>
                )}
              </TableCell>
            </TableRow>
          )}
        </ListTable>
      </div>
      {sessions.length > 1 && (
        <Button variant="outline" className="justify-self-start" onClick={async () => ended(await endOtherSessionsAction())}>
          End all other sessions
        </Button>
      )}
    </div>
  );
}
