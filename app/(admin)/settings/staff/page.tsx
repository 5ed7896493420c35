import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { StaffFormDialog } from "@/app/(admin)/settings/staff/_components/staff-form-dialog";
import { StaffTable } from "@/app/(admin)/settings/staff/_components/staff-table";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { listStaff } from "@/lib/staff/queries";
import { loadStaffSearchParams } from "@/lib/staff/search-params";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePagePermission("staff.manage", "/settings/staff");
  const pagePromise = listStaff(await loadStaffSearchParams(searchParams));

  return (
    <>
      <PageHeader
        title="Staff"
        description="Who can sign in to Latchkey and what they may do. Every change is recorded in the audit log and applies at once to every session."
        actions={<StaffFormDialog />}
      />
      <Suspense fallback={<DataTableSkeleton columns={8} label="Loading staff" />}>
        <StaffTable pagePromise={pagePromise} />
      </Suspense>
    </>
  );
}
