import { PunchoutBuyerRowActions } from "@/app/(admin)/settings/punchout-buyers/_components/punchout-buyer-row-actions";
import { Badge } from "@/components/ui/badge";
import { ListTable } from "@/components/data-table/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import type { PunchoutBuyerListItem } from "@/lib/punchout/buyers";
import { PROTOCOL_LABELS } from "@/lib/punchout/schemas";

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

function DateCell({ value, empty }: { value: Date | null; empty: string }) {
  if (!value) return <span className="text-muted-foreground">{empty}</span>;
  return <time dateTime={value.toISOString()}>{dateTime.format(value)}</time>;
}

export function PunchoutBuyersTable({ buyers }: { buyers: PunchoutBuyerListItem[] }) {
  return (
    <ListTable label="Punch-out buyers" columns={["Name", "Company · signs in as", "Credential", "Return origins", "Last punch-out"]} rows={buyers}>
      {(buyer) => (
        <TableRow key={buyer.id}>
          <TableCell className="max-w-56">
            <div className="truncate font-medium" title={buyer.name}>
              {buyer.name}
            </div>
            <div className="mt-0.5 flex gap-1">
              <Badge variant="muted">{PROTOCOL_LABELS[buyer.protocol]}</Badge>
              {buyer.disabledAt && (
                <Badge variant="warning" title={`Disabled ${dateTime.format(buyer.disabledAt)}`}>
                  Disabled
                </Badge>
              )}
            </div>
          </TableCell>
          <TableCell className="max-w-56">
            <div className="truncate" title={buyer.company}>
              {buyer.company}
            </div>
            <div className="truncate text-xs text-muted-foreground">{buyer.contact ?? "Anonymous session"}</div>
          </TableCell>
          <TableCell className="max-w-64">
            <code className="block truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs" title={buyer.credential}>
              {buyer.credential}
            </code>
          </TableCell>
          <TableCell className="font-mono text-xs">
            {buyer.returnOrigins.map((origin) => (
              <div key={origin}>{origin}</div>
            ))}
          </TableCell>
          <TableCell>
            <DateCell value={buyer.lastPunchoutAt} empty="Never" />
          </TableCell>
          <TableCell className="text-right">
            <PunchoutBuyerRowActions buyer={buyer} />
          </TableCell>
        </TableRow>
      )}
    </ListTable>
  );
}
