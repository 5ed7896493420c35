import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PunchoutBuyerListItem } from "@/lib/punchout/buyers";
import { PROTOCOL_LABELS } from "@/lib/punchout/schemas";

const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

function DateCell({ value, empty }: { value: Date | null; empty: string }) {
  if (!value) return <span className="text-muted-foreground">{empty}</span>;
  return <time dateTime={value.toISOString()}>{dateTime.format(value)}</time>;
}

export function PunchoutBuyersTable({ buyers }: { buyers: PunchoutBuyerListItem[] }) {
  return (
    <Table aria-label="Punch-out buyers">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Protocol</TableHead>
          <TableHead>Company</TableHead>
          <TableHead>Signs in as</TableHead>
          <TableHead>Credential</TableHead>
          <TableHead>Return origins</TableHead>
          <TableHead>Last punch-out</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {buyers.map((buyer) => (
          <TableRow key={buyer.id}>
            <TableCell className="max-w-56 truncate font-medium" title={buyer.name}>
              {buyer.name}
            </TableCell>
            <TableCell>
              <Badge variant="muted">{PROTOCOL_LABELS[buyer.protocol]}</Badge>
            </TableCell>
            <TableCell className="max-w-48 truncate" title={buyer.company}>
              {buyer.company}
            </TableCell>
            <TableCell>{buyer.contact ?? <span className="text-muted-foreground">Anonymous</span>}</TableCell>
            <TableCell>
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{buyer.credential}</code>
            </TableCell>
            <TableCell className="font-mono text-xs">
              {buyer.returnOrigins.map((origin) => (
                <div key={origin}>{origin}</div>
              ))}
            </TableCell>
            <TableCell>
              <DateCell value={buyer.lastPunchoutAt} empty="Never" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
