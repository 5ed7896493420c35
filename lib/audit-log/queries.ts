import "server-only";
import type { AuditAction } from "@/lib/audit-log/audit-actions";
import type { AuditLogSearchParams } from "@/lib/audit-log/search-params";
import { countCapped } from "@/lib/capped-count";
import { db } from "@/lib/db";
import { dayRange } from "@/lib/url-parsers";
import { describeUserAgent } from "@/lib/user-agent";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Counting stops here: beyond it the log says "more than", instead of scanning the whole table on every view. */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditEventRow {
  id: string;
  createdAt: Date;
  action: AuditAction;
  actorType: "STAFF" | "API_KEY" | "VISITOR" | "SYSTEM";
  actorLabel: string | null;
  loginTokenId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The user agent as a person reads it ("Chrome 131 on Windows 10"). */
  browser: string | null;
  /** Whom the event's token signs in, so a row says more than an id. */
  tokenUserName: string | null;
  details: Prisma.JsonValue | null;
}

export interface AuditEventPage {
  rows: AuditEventRow[];
  /** Exact up to AUDIT_COUNT_CAP; `totalIsCapped` says there are more. */
  total: number;
  totalIsCapped: boolean;
  pageCount: number;
}

export function auditEventWhere(params: Pick<AuditLogSearchParams, "actor" | "action" | "token" | "from" | "to" | "tz">): Prisma.AuditEventWhereInput {
  const { actor, action, token } = params;
  const { from, to } = dayRange(params.from, params.to, params.tz);
  return {
    ...(actor?.type === "STAFF" ? { actorStaffId: actor.id } : {}),
    ...(actor?.type === "API_KEY" ? { actorApiKeyId: actor.id } : {}),
    ...(actor?.type === "VISITOR" ? { actorType: "VISITOR" as const } : {}),
    ...(action ? { action } : {}),
    ...(token ? { loginTokenId: token } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

/** One page of the log, newest first; each filter is served by an index that ends in created_at. */
export async function listAuditEvents(params: AuditLogSearchParams): Promise<AuditEventPage> {
  const where = auditEventWhere(params);
  const [rows, { total, totalIsCapped }] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * params.perPage,
      take: params.perPage,
      select: {
        id: true,
        createdAt: true,
        action: true,
        actorType: true,
        actorLabel: true,
        loginTokenId: true,
        ip: true,
        userAgent: true,
        details: true,
      },
    }),
    countCapped((take) => db.auditEvent.count({ where, take }), AUDIT_COUNT_CAP),
  ]);
  // Audit events outlive their tokens by design (no foreign key), so the names are looked up, not joined.
  const tokenIds = [...new Set(rows.flatMap((row) => (row.loginTokenId ? [row.loginTokenId] : [])))];
  const names = new Map(
    tokenIds.length === 0
      ? []
      : (await db.loginToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, userName: true } })).map((token) => [token.id, token.userName]),
  );
  return {
    rows: rows.map((row) => ({
      ...row,
      id: row.id.toString(),
      action: row.action as AuditAction,
      browser: describeUserAgent(row.userAgent),
      tokenUserName: row.loginTokenId ? (names.get(row.loginTokenId) ?? null) : null,
    })),
    total,
    totalIsCapped,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
  };
}

export interface AuditActorOption {
  value: string;
  label: string;
  group: "Staff" | "API keys" | "Visitors";
}

/** Who can be picked in the actor filter: every staff member and API key (revoked ones too), and visitors. */
export async function listAuditActorOptions(): Promise<AuditActorOption[]> {
  const [staff, keys] = await Promise.all([
    db.staffUser.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.apiKey.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, revokedAt: true } }),
  ]);
  return [
    ...staff.map((s) => ({ value: `staff:${s.id}`, label: s.name, group: "Staff" as const })),
    ...keys.map((k) => ({ value: `apikey:${k.id}`, label: k.revokedAt ? `${k.name} (revoked)` : k.name, group: "API keys" as const })),
    { value: "visitor", label: "Visitors (login links and redemptions)", group: "Visitors" as const },
  ];
}
