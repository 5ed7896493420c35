import type { ReactNode } from "react";
import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/**
 * A table of the reference, in a border: its columns as `columns` name them,
 * each with its width class (the one without takes what is left), and the rows
 * `children` draws. Below its least width the table scrolls sideways rather
 * than squeeze its text columns to a word's width.
 */
export function ReferenceTable({
  label,
  columns,
  className,
  children,
}: {
  label: string;
  columns: readonly (readonly [head: string, width?: string])[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("overflow-hidden rounded-md border", className)}>
      <Table aria-label={label} className="min-w-176 table-fixed">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {columns.map(([head, width]) => (
              <TableHead key={head} className={width}>
                {head}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
