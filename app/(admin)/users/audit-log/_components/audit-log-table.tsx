"use client";

import { ScrollTextIcon } from "lucide-react";
import { use } from "react";
import { activeFilters } from "@/components/data-table/active-filters";
import { DataTableFilterChips } from "@/components/data-table/data-table-filter-chips";
import { DataTableNoMatches } from "@/components/data-table/data-table-no-matches";
import { ServerPagedTable } from "@/components/data-table/server-paged-table";
import { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { EmptyState } from "@/components/ui/empty-state";
import { auditLogTableColumns } from "@/app/(admin)/users/audit-log/_components/audit-log-table-columns";
import { AUDIT_LOG_FILTERS, AuditLogToolbar } from "@/app/(admin)/users/audit-log/_components/audit-log-toolbar";
import type { AuditActorOption, AuditEventPage } from "@/lib/audit-log/queries";
import { AUDIT_PAGE_SIZES, auditLogSearchParams } from "@/lib/audit-log/search-params";

const NOUN = { one: "event", many: "events" };

/** The audit log: read-only, newest first, filtered through the URL. */
export function AuditLogTable({ pagePromise, actorsPromise }: { pagePromise: Promise<AuditEventPage>; actorsPromise: Promise<AuditActorOption[]> }) {
  const page = use(pagePromise);
  const actors = use(actorsPromise);
  const search = useTableSearchParams(auditLogSearchParams);
  const filters = activeFilters(AUDIT_LOG_FILTERS, actors, search, { page: 1 });

  const empty = (
    <DataTableNoMatches noun="events" {...filters}>
      <EmptyState
        icon={<ScrollTextIcon aria-hidden />}
        title="Nothing recorded yet"
        description="Every change to a token, every reveal, redemption and staff sign-in is listed here."
      />
    </DataTableNoMatches>
  );

  return (
    <div>
      <AuditLogToolbar params={search.params} setParams={search.setParams} actors={actors} />
      <DataTableFilterChips className="mb-3" {...filters} />
      <ServerPagedTable
        columns={auditLogTableColumns}
        page={page}
        search={search}
        pageSizes={AUDIT_PAGE_SIZES}
        noun={NOUN}
        label="Audit events"
        empty={empty}
      />
    </div>
  );
}
