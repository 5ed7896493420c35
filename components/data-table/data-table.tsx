"use client";

import type { ReactTable, Row, RowData } from "@tanstack/react-table";
import type { MouseEvent, ReactNode } from "react";
import { yieldClass, type DataTableFeatures } from "@/components/data-table/data-table-features";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

// Clicks on these inside a row do their own job, not the row's.
const OWN_CLICK = "[role=checkbox], a, input, label, [data-row-click=ignore]";

/**
 * The generic body of a server-driven table: headers with sort state for
 * screen readers, rows that open on click, and what to show when the page is
 * empty. The toolbar, pagination and action bar sit around it.
 */
export function DataTable<TData extends RowData>({
  table,
  label,
  onRowClick,
  empty,
  fixedLayout = false,
}: {
  table: ReactTable<DataTableFeatures, TData, unknown>;
  label: string;
  onRowClick?: (row: Row<DataTableFeatures, TData>) => void;
  empty: ReactNode;
  /** Column widths from the columns' classes, not from what a page holds: they stay put across sorts and pages. */
  fixedLayout?: boolean;
}) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  const visibility = table.store.state.columnVisibility ?? {};

  function rowClick(row: Row<DataTableFeatures, TData>, event: MouseEvent<HTMLTableRowElement>) {
    if (!onRowClick || (event.target as HTMLElement).closest(OWN_CLICK)) return;
    onRowClick(row);
  }

  return (
    <Table aria-label={label} className={cn(fixedLayout && "table-fixed")} containerClassName="@container">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id} className="hover:bg-transparent">
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              const sorted = header.column.getIsSorted();
              return (
                <TableHead
                  key={header.id}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  className={cn(
                    "whitespace-normal leading-tight",
                    meta?.align === "right" && "text-right",
                    meta?.className,
                    yieldClass(meta, visibility[header.column.id] === true),
                    meta?.stickyClassName && cn("z-10 bg-muted", meta.stickyClassName),
                  )}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={columnCount} className="h-auto whitespace-normal">
              {/* As wide as the part of the table in view and held there: a table wider than a phone scrolls, its empty state does not. */}
              <div className="sticky left-3 w-[calc(100cqw-1.5rem)]">{empty}</div>
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow
              key={row.id}
              data-state={row.getIsSelected() ? "selected" : undefined}
              className={cn(onRowClick && "cursor-pointer")}
              onClick={(event) => rowClick(row, event)}
            >
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <TableCell
                    key={cell.id}
                    className={cn(
                      meta?.align === "right" && "text-right tabular-nums",
                      // A fixed width holds whatever the cell says: too long a text ends in an ellipsis, never over the next column.
                      fixedLayout && "overflow-hidden text-ellipsis",
                      meta?.className,
                      yieldClass(meta, visibility[cell.column.id] === true),
                      meta?.stickyClassName && cn("z-10 bg-card", meta.stickyClassName),
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </TableCell>
                );
              })}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
