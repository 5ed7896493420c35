import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { AuditLogTable } from "@/app/(admin)/users/audit-log/_components/audit-log-table";
import { requirePagePermission } from "@/lib/auth/session";
import { listAuditActorOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { loadAuditLogSearchParams } from "@/lib/audit-log/search-params";

export const metadata: Metadata = { title: "Audit log" };

/** Reads the log's state from the URL and starts its queries; the client table `use()`s them under Suspense. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("auditLog.read", "/users/audit-log");
  const params = await loadAuditLogSearchParams(searchParams);
  const pagePromise = listAuditEvents(params);
  const actorsPromise = listAuditActorOptions();

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who made, changed, revealed, deleted and used which login token, and who signed in. Entries cannot be changed or removed."
      />
      <Suspense fallback={<DataTableSkeleton columns={7} label="Loading the audit log" />}>
        <AuditLogTable pagePromise={pagePromise} actorsPromise={actorsPromise} />
      </Suspense>
    </>
  );
}
