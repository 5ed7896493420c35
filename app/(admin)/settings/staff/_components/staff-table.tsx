"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { UsersIcon } from "lucide-react";
import { use } from "react";
import { StaffRowActions } from "@/app/(admin)/settings/staff/_components/staff-row-actions";
import { type DataTableFeatures } from "@/components/data-table/data-table-features";
import { ServerPagedTable } from "@/components/data-table/server-paged-table";
import { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDateTime } from "@/components/ui/local-date-time";
import type { StaffPage, StaffRow } from "@/lib/staff/queries";
import { STAFF_ROLE_LABELS } from "@/lib/staff/schemas";
import { STAFF_PAGE_SIZES, staffSearchParams } from "@/lib/staff/search-params";
import { cn } from "@/lib/utils";

const NOUN = { one: "staff member", many: "staff members" };
const column = createColumnHelper<DataTableFeatures, StaffRow>();
const yesNo = (value: boolean) => (value ? "Yes" : <span className="text-muted-foreground">No</span>);
const STATUS = {
  active: <Badge variant="success">Active</Badge>,
  invited: <Badge variant="warning">Invited</Badge>,
  deactivated: <Badge variant="muted">Deactivated</Badge>,
};

// Below 1440 px the table may scroll sideways, under the name and the actions, which stay in view. Only there: from
// 1440 px everything fits, and opaque cells would stand out against the header's tint and the row's hover.
const STICKY_WHEN_NARROW = "max-[90rem]:sticky max-[90rem]:z-10 max-[90rem]:bg-card max-[90rem]:[th&]:bg-muted";

const columns = column.columns([
  column.accessor("name", {
    id: "name",
    meta: { label: "Name", className: cn(STICKY_WHEN_NARROW, "max-[90rem]:left-0 max-[90rem]:shadow-[inset_-1px_0_0_var(--color-border)]") },
    header: "Name",
    cell: ({ row }) => (
      // A width of its own: a table cell does not stop its content from widening the column, and the actions would be pushed out.
      <div className="flex max-w-32 flex-col gap-0.5 sm:max-w-56" title={`${row.original.name}\n${row.original.email}`}>
        <span className="truncate font-medium">{row.original.name}</span>
        <span className="truncate text-xs text-muted-foreground">{row.original.email}</span>
      </div>
    ),
  }),
  column.accessor("roles", {
    id: "roles",
    meta: { label: "Roles", className: "min-w-28 whitespace-normal" },
    header: "Roles",
    cell: ({ getValue }) =>
      getValue()
        .map((role) => STAFF_ROLE_LABELS[role])
        .join(", ") || <span className="text-muted-foreground">None</span>,
  }),
  column.accessor("viewer", { id: "viewer", meta: { label: "Viewer" }, header: "Viewer", cell: ({ getValue }) => yesNo(getValue()) }),
  column.accessor("administrator", {
    id: "administrator",
    meta: { label: "Administrator" },
    header: "Administrator",
    cell: ({ getValue }) => yesNo(getValue()),
  }),
  column.accessor("mfa", {
    id: "mfa",
    meta: { label: "MFA" },
    header: "MFA",
    cell: ({ getValue }) => (getValue() ? "On" : <span className="text-muted-foreground">Off</span>),
  }),
  column.accessor("lastSignInAt", {
    id: "lastSignInAt",
    meta: { label: "Last sign-in", className: "whitespace-nowrap" },
    header: "Last sign-in",
    cell: ({ getValue }) => {
      const value = getValue();
      return value ? <LocalDateTime value={value} /> : <span className="text-muted-foreground">Never</span>;
    },
  }),
  column.accessor("status", { id: "status", meta: { label: "Status" }, header: "Status", cell: ({ getValue }) => STATUS[getValue()] }),
  column.display({
    id: "actions",
    meta: { label: "Actions", align: "right", className: cn(STICKY_WHEN_NARROW, "max-[90rem]:right-0 max-[90rem]:shadow-[inset_1px_0_0_var(--color-border)]") },
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <StaffRowActions staff={row.original} />,
  }),
]);

const EMPTY = <EmptyState icon={<UsersIcon aria-hidden />} title="No staff on this page" description="Go back to the first page." />;

/** Settings > Staff: every staff member, paged on the server. */
export function StaffTable({ pagePromise }: { pagePromise: Promise<StaffPage> }) {
  const page = use(pagePromise);
  const search = useTableSearchParams(staffSearchParams);
  return (
    <div>
      <ServerPagedTable columns={columns} page={page} search={search} pageSizes={STAFF_PAGE_SIZES} noun={NOUN} label="Staff" empty={EMPTY} />
    </div>
  );
}
