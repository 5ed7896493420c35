"use client";

import type { CellData, Column, RowData } from "@tanstack/react-table";
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from "lucide-react";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { cn } from "@/lib/utils";

/** A header named by the column's `meta.label` that sorts by its column when clicked; plain text when the column cannot sort. */
export function DataTableColumnHeader<TData extends RowData, TValue extends CellData>({ column }: { column: Column<DataTableFeatures, TData, TValue> }) {
  const title = column.columnDef.meta?.label ?? column.id;
  const shown = column.columnDef.meta?.header ?? title;
  if (!column.getCanSort()) return <span title={shown === title ? undefined : title}>{shown}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === "asc" ? ArrowUpIcon : sorted === "desc" ? ArrowDownIcon : ChevronsUpDownIcon;
  const next = sorted === "asc" ? "descending" : "ascending";
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      aria-label={`${title}: sort ${next}`}
      title={shown === title ? undefined : title}
      className={cn(
        "-mx-1.5 inline-flex min-h-7 items-center gap-1 rounded-md whitespace-nowrap px-1.5 py-1 text-left outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/40",
        sorted && "text-foreground",
      )}
    >
      {shown}
      <Icon className={cn("size-3.5", !sorted && "opacity-50")} aria-hidden />
    </button>
  );
}
