"use client";

import { useTable } from "@tanstack/react-table";
import { ScrollTextIcon } from "lucide-react";
import { use } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTableFilterChips } from "@/components/data-table/data-table-filter-chips";
import { DataTableNoMatches } from "@/components/data-table/data-table-no-matches";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { EmptyState } from "@/components/ui/empty-state";
import { auditLogTableColumns } from "@/app/(admin)/users/audit-log/_components/audit-log-table-columns";
import { AUDIT_LOG_FILTERS, AuditLogToolbar, type AuditFilterId } from "@/app/(admin)/users/audit-log/_components/audit-log-toolbar";
import type { AuditActorOption, AuditEventPage } from "@/lib/audit-log/queries";
import { AUDIT_PAGE_SIZES, auditLogSearchParams } from "@/lib/audit-log/search-params";
import { offsetPageLinks } from "@/lib/pagination";
import { clearFilters, filterChips } from "@/lib/table-filters";
import { cn } from "@/lib/utils";

const NOUN = { one: "event", many: "events" };

/** The audit log: read-only, newest first, filtered through the URL. */
export function AuditLogTable({ pagePromise, actorsPromise }: { pagePromise: Promise<AuditEventPage>; actorsPromise: Promise<AuditActorOption[]> }) {
  const { rows, total, totalIsCapped } = use(pagePromise);
  const actors = use(actorsPromise);
  const { params, setParams, isPending } = useTableSearchParams(auditLogSearchParams);

  const table = useTable({
    features: dataTableFeatures,
    columns: auditLogTableColumns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableSorting: false,
    state: { pagination: { pageIndex: params.page - 1, pageSize: params.perPage } },
  });

  const chips = filterChips(AUDIT_LOG_FILTERS, params, actors);
  const clear = (ids: AuditFilterId[]) => void setParams({ page: 1, ...clearFilters(AUDIT_LOG_FILTERS, ids, chips, "tz") });

  const empty =
    chips.length > 0 ? (
      <DataTableNoMatches noun="events" chips={chips} onClearAll={() => clear(chips.map((chip) => chip.id))} />
    ) : (
      <EmptyState
        icon={<ScrollTextIcon aria-hidden />}
        title="Nothing recorded yet"
        description="Every change to a token, every reveal, redemption and staff sign-in is listed here."
      />
    );

  return (
    <div>
      <AuditLogToolbar params={params} setParams={setParams} actors={actors} />
      {chips.length > 0 && (
        <div className="mb-3">
          <DataTableFilterChips chips={chips} onRemove={(id) => clear([id as AuditFilterId])} onClearAll={() => clear(chips.map((chip) => chip.id))} />
        </div>
      )}
      <div aria-busy={isPending} className={cn("overflow-hidden rounded-lg border bg-card transition-opacity", isPending && "opacity-60")}>
        <DataTable table={table} label="Audit events" empty={empty} />
      </div>
      <DataTablePagination
        page={params.page}
        perPage={params.perPage}
        pageSizes={AUDIT_PAGE_SIZES}
        total={total}
        totalIsCapped={totalIsCapped}
        noun={NOUN}
        links={offsetPageLinks({ page: params.page, perPage: params.perPage, total, totalIsCapped })}
        onNavigate={(link) => void setParams(link)}
        onPerPageChange={(perPage) => void setParams({ perPage, page: 1 })}
      />
    </div>
  );
}
