"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Checkbox } from "@/components/ui/checkbox";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { LoginTokenStatusBadge } from "@/app/(admin)/users/login-tokens/_components/login-token-status-badge";
import type { LoginTokenRow } from "@/lib/login-tokens/list-types";
import { cn } from "@/lib/utils";
import { muted, truncated } from "@/components/data-table/table-cells";

export const USER_TYPE_LABELS = { CONTACT: "Contact", CUSTOMER: "Customer" } as const;

const column = createColumnHelper<DataTableFeatures, LoginTokenRow>();

// Column ids are the sort keys of the URL contract (lib/login-tokens/filters.ts). The
// default order, newest first, has no column: the creation date is in the dialog.
// Widths are fixed (the table's layout is too), so they stay put across sorts and
// pages; Name stays in view when a narrow screen scrolls the table sideways, right
// of the selection column when there is one. So that the table fits 1280 px, One-time
// gives way below 1536 px (the Successes column says "3 of 5 uses" for a limited
// token) and Buyer below 1440 px; the Columns menu brings either back.
const dataColumns = (selectable: boolean) =>
  column.columns([
    column.accessor("userName", {
      id: "name",
      meta: { label: "Name", className: "w-44", stickyClassName: cn("sticky shadow-[inset_-1px_0_0_var(--color-border)]", selectable ? "left-10" : "left-0") },
      enableHiding: false,
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      // A button, so the row's dialog is reachable with Tab and Enter; the row's click handler opens it.
      cell: ({ row }) => (
        <button
          type="button"
          aria-label={`Open token for ${row.original.userName ?? "Anonymous"}`}
          title={row.original.userName ?? undefined}
          className="block max-w-full truncate rounded-sm text-left font-medium outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/40"
        >
          {row.original.userName ?? <span className="font-normal text-muted-foreground italic">Anonymous</span>}
        </button>
      ),
    }),
    column.accessor("userType", {
      id: "type",
      meta: { label: "Type", className: "w-24" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => (row.original.userType ? USER_TYPE_LABELS[row.original.userType] : muted("—")),
    }),
    column.accessor("status", {
      id: "status",
      meta: { label: "Status", className: "w-24" },
      header: "Status",
      enableSorting: false,
      cell: ({ row }) => <LoginTokenStatusBadge status={row.original.status} />,
    }),
    column.accessor("expiresAt", {
      id: "expiresAt",
      meta: { label: "Expires At", header: "Expires", className: "w-[7.5rem]" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => <LocalDateTime value={row.original.expiresAt} empty="Never" relative />,
    }),
    column.accessor("lastAccessedAt", {
      id: "lastAccessedAt",
      meta: { label: "Last Accessed At", header: "Last access", className: "w-[7.5rem]" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => <LocalDateTime value={row.original.lastAccessedAt} empty="Never" relative />,
    }),
    column.accessor("successfulAttempts", {
      id: "successfulAttempts",
      meta: { label: "Successful Attempts", header: "Successes", align: "right", className: "w-[6.5rem]" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => {
        const { successfulAttempts, maxUses } = row.original;
        return maxUses === null ? successfulAttempts : <span className="whitespace-nowrap">{`${successfulAttempts} of ${maxUses} uses`}</span>;
      },
    }),
    column.accessor("failedAttempts", {
      id: "failedAttempts",
      meta: { label: "Failed Attempts", header: "Failures", align: "right", className: "w-[5.5rem]" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => <span className={row.original.failedAttempts > 0 ? "text-destructive" : undefined}>{row.original.failedAttempts}</span>,
    }),
    column.accessor("oneTimeUse", {
      id: "oneTimeUse",
      meta: { label: "One Time Use", header: "One-time", className: "w-[6.5rem]", yieldsBelow: "96rem" },
      header: ({ column }) => <DataTableColumnHeader column={column} />,
      cell: ({ row }) => (row.original.oneTimeUse ? "Yes" : "No"),
    }),
    column.accessor("extra", {
      id: "extra",
      // No width: Extra takes what the others leave.
      meta: { label: "Extra", className: "min-w-40" },
      header: "Extra",
      enableSorting: false,
      // React escapes the text; the full value is on hover and in the dialog.
      cell: ({ row }) => truncated(row.original.extra),
    }),
    column.accessor((row) => row.punchoutBuyer?.name ?? null, {
      id: "punchoutBuyer",
      // Below 1440 px it gives way: a punch-out token's Extra names its buyer too.
      meta: { label: "Punch-out buyer", header: "Buyer", className: "w-32", yieldsBelow: "90rem" },
      header: "Buyer",
      enableSorting: false,
      cell: ({ row }) => truncated(row.original.punchoutBuyer?.name ?? null),
    }),
  ]);

const selectColumn = column.display({
  id: "select",
  meta: { label: "Select", className: "w-10 [&:has([role=checkbox])]:w-10", stickyClassName: "sticky left-0" },
  enableSorting: false,
  enableHiding: false,
  header: ({ table }) => (
    <Checkbox
      aria-label="Select all on this page"
      checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
      onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
    />
  ),
  cell: ({ row }) => (
    <Checkbox
      aria-label={`Select token for ${row.original.userName ?? "Anonymous"}`}
      checked={row.getIsSelected()}
      onCheckedChange={(checked) => row.toggleSelected(checked === true)}
    />
  ),
});

/** Editors get a selection column for bulk delete; viewers, who cannot delete, do not. */
export const loginTokensTableColumns = (selectable: boolean) => (selectable ? [selectColumn, ...dataColumns(true)] : dataColumns(false));
