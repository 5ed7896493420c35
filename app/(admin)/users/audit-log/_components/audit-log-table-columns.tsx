"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { AdminLink } from "@/app/(admin)/_components/admin-link";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Badge } from "@/components/ui/badge";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { AUDIT_ACTIONS } from "@/lib/audit-log/audit-actions";
import { describeAuditDetails } from "@/lib/audit-log/describe-details";
import type { AuditEventRow } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/dates";
import { muted, truncated } from "@/components/data-table/table-cells";

const column = createColumnHelper<DataTableFeatures, AuditEventRow>();

// Dates inside details read the same on the server and in the browser, so they are given in UTC and say so.
const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTime(date, { locale: "en-GB", timeZone: "UTC", zone: true });
};

const ACTOR_KINDS = { STAFF: "Staff", API_KEY: "API key", VISITOR: "Visitor", SYSTEM: "System" } as const;

export const auditLogTableColumns = column.columns([
  column.accessor("createdAt", {
    id: "createdAt",
    meta: { label: "When", className: "whitespace-nowrap" },
    header: "When",
    cell: ({ row }) => <LocalDateTime value={row.original.createdAt} />,
  }),
  column.accessor("actorLabel", {
    id: "actor",
    meta: { label: "Actor", className: "max-w-48" },
    header: "Actor",
    cell: ({ row }) => {
      const { actorType, actorLabel } = row.original;
      return (
        <div className="flex min-w-0 flex-col gap-0.5">
          <span className="truncate font-medium">{actorLabel ?? (actorType === "VISITOR" ? "Visitor" : ACTOR_KINDS[actorType])}</span>
          {actorLabel && <span className="text-xs text-muted-foreground">{ACTOR_KINDS[actorType]}</span>}
        </div>
      );
    },
  }),
  column.accessor("action", {
    id: "action",
    meta: { label: "Action", className: "whitespace-nowrap" },
    header: "Action",
    cell: ({ row }) => {
      const action = row.original.action;
      const variant = action === "token.redeem_failed" || action === "staff.signin_failed" ? "warning" : action.startsWith("staff.") ? "muted" : "secondary";
      return <Badge variant={variant}>{AUDIT_ACTIONS[action] ?? action}</Badge>;
    },
  }),
  column.accessor("loginTokenId", {
    id: "token",
    meta: { label: "Token" },
    header: "Token",
    cell: ({ row }) => {
      const id = row.original.loginTokenId;
      if (!id) return muted("—");
      return (
        <div className="flex min-w-0 flex-col gap-0.5">
          <AdminLink
            href={`/users/login-tokens?token=${id}`}
            title={id}
            aria-label={`Open token ${id}`}
            className="rounded-sm font-mono text-xs text-primary underline-offset-2 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/40"
          >
            {id.slice(0, 8)}…
          </AdminLink>
          <span className="truncate text-xs text-muted-foreground">{row.original.tokenUserName ?? "Anonymous"}</span>
        </div>
      );
    },
  }),
  column.accessor("ip", {
    id: "ip",
    meta: { label: "IP address", className: "whitespace-nowrap" },
    header: "IP address",
    cell: ({ row }) => (row.original.ip ? <span className="font-mono text-xs">{row.original.ip}</span> : muted("—")),
  }),
  column.accessor("userAgent", {
    id: "userAgent",
    meta: { label: "Browser", className: "max-w-48" },
    header: "Browser",
    cell: ({ row }) => truncated(row.original.browser, { full: row.original.userAgent ?? undefined, className: "text-xs text-muted-foreground" }),
  }),
  column.accessor("details", {
    id: "details",
    meta: { label: "Details", className: "min-w-56 max-w-md whitespace-normal" },
    header: "Details",
    cell: ({ row }) => {
      const lines = describeAuditDetails(row.original.details, formatDate);
      if (lines.length === 0) return muted("—");
      return (
        <ul className="grid gap-0.5 text-xs">
          {lines.map((line, index) => (
            <li key={index} className="break-words">
              {line}
            </li>
          ))}
        </ul>
      );
    },
  }),
]);
