"use client";

import { useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures, type DataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { offsetPageLinks } from "@/lib/pagination";
import { cn } from "@/lib/utils";

/** The URL state a page-numbered table writes: its page and its page size. */
type PageParams<Size extends number> = { page: number; perPage: Size };

/**
 * A read-mostly table paged by number on the server (the audit log, staff,
 * the people pages): the page's rows from the server, dimmed while the next
 * page loads, and the pagination that writes page and page size to the URL.
 */
export function ServerPagedTable<Row extends RowData & { id: string | number }, Size extends number>({
  columns,
  page: { rows, total, totalIsCapped = false },
  search: { params, setParams, isPending },
  pageSizes,
  noun,
  label,
  empty,
  scrollsSideways = false,
}: {
  columns: ColumnDef<DataTableFeatures, Row>[];
  /** The page the server found; a count past its cap says so with `totalIsCapped`. */
  page: { rows: Row[]; total: number; totalIsCapped?: boolean };
  /** The table's URL state, from `useTableSearchParams`. */
  search: { params: PageParams<Size>; setParams: (change: Partial<PageParams<Size>>) => unknown; isPending: boolean };
  pageSizes: readonly Size[];
  noun: { one: string; many: string };
  label: string;
  empty: ReactNode;
  /** For tables wider than a phone: scroll instead of clipping. */
  scrollsSideways?: boolean;
}) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableSorting: false,
    state: { pagination: { pageIndex: params.page - 1, pageSize: params.perPage } },
  });
  return (
    <>
      <div
        aria-busy={isPending}
        className={cn("rounded-lg border bg-card transition-opacity", scrollsSideways ? "overflow-x-auto" : "overflow-hidden", isPending && "opacity-60")}
      >
        <DataTable table={table} label={label} empty={empty} />
      </div>
      <DataTablePagination
        page={params.page}
        perPage={params.perPage}
        pageSizes={pageSizes}
        total={total}
        totalIsCapped={totalIsCapped}
        noun={noun}
        links={offsetPageLinks({ page: params.page, perPage: params.perPage, total, totalIsCapped })}
        onNavigate={(link) => void setParams(link)}
        onPerPageChange={(perPage) => void setParams({ perPage, page: 1 })}
      />
    </>
  );
}
