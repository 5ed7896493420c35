import type { ReactNode } from "react";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// Where a table may be wider than its screen, the actions stay at its right edge while the rest scrolls beneath them.
const STICKY_ACTIONS =
  "max-[90rem]:[&_tr>:last-child]:sticky max-[90rem]:[&_tr>:last-child]:right-0 max-[90rem]:[&_tr>:last-child]:z-10 max-[90rem]:[&_tr>:last-child]:shadow-[inset_1px_0_0_var(--color-border)] max-[90rem]:[&_tbody_tr>:last-child]:bg-card max-[90rem]:[&_thead_tr>:last-child]:bg-muted";

/**
 * A short list shown whole, with no paging or sorting (API keys, punch-out
 * buyers, one's own sessions): a header of plain column names, the last
 * column the rows' actions, and one `<TableRow>` a row from `children`.
 */
export function ListTable<Row>({ label, columns, rows, children }: { label: string; columns: string[]; rows: Row[]; children: (row: Row) => ReactNode }) {
  return (
    <Table aria-label={label} className={STICKY_ACTIONS}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {columns.map((column) => (
            <TableHead key={column}>{column}</TableHead>
          ))}
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>{rows.map(children)}</TableBody>
    </Table>
  );
}
