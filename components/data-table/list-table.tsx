import type { ReactNode } from "react";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/**
 * A short list shown whole, with no paging or sorting (API keys, punch-out
 * buyers, one's own sessions): a header of plain column names, the last
 * column the rows' actions, and one `<TableRow>` a row from `children`.
 */
export function ListTable<Row>({ label, columns, rows, children }: { label: string; columns: string[]; rows: Row[]; children: (row: Row) => ReactNode }) {
  return (
    <Table aria-label={label}>
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
