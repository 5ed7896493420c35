import { createLoader, createParser, parseAsIsoDate, parseAsNumberLiteral } from "nuqs/server";
import { z } from "zod";
import { isAuditAction, type AuditAction } from "@/lib/audit-log/audit-actions";
import { parseAsPage, parseAsTimeZone, parseAsUuid, UUID_PATTERN } from "@/lib/url-parsers";

/**
 * The audit log's URL, read by the server page and written by the client
 * table. Values that do not parse read as their defaults.
 */

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

export type AuditActorFilter = { type: "STAFF"; id: string } | { type: "API_KEY"; id: string } | { type: "VISITOR" };

/** `staff:<uuid>`, `apikey:<uuid>` or `visitor`. */
export const parseAsAuditActor = createParser<AuditActorFilter>({
  parse: (value) => {
    if (value === "visitor") return { type: "VISITOR" };
    const [kind, id] = value.split(":");
    if (!id || !UUID_PATTERN.test(id)) return null;
    if (kind === "staff") return { type: "STAFF", id: id.toLowerCase() };
    if (kind === "apikey") return { type: "API_KEY", id: id.toLowerCase() };
    return null;
  },
  serialize: (actor) => (actor.type === "VISITOR" ? "visitor" : `${actor.type === "STAFF" ? "staff" : "apikey"}:${actor.id}`),
  eq: (a, b) => a.type === b.type && (a.type === "VISITOR" || a.id === (b as { id: string }).id),
});

/** The toolbar's Token id field: a token's public id, or empty for any; never its secret value. */
export const auditTokenFilterSchema = z.object({
  token: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === "" || UUID_PATTERN.test(value), "Enter a token's id, such as 3f2b…-…; the secret value is not searchable here."),
});

const parseAsAuditAction = createParser<AuditAction>({
  parse: (value) => (isAuditAction(value) ? value : null),
  serialize: (value) => value,
});

export const auditLogSearchParams = {
  page: parseAsPage.withDefault(1),
  perPage: parseAsNumberLiteral(AUDIT_PAGE_SIZES).withDefault(50),
  actor: parseAsAuditActor,
  action: parseAsAuditAction,
  token: parseAsUuid,
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  /** The time zone of whoever picked the days, so a shared link means the same days; UTC when absent. */
  tz: parseAsTimeZone,
};

export const loadAuditLogSearchParams = createLoader(auditLogSearchParams);
export type AuditLogSearchParams = Awaited<ReturnType<typeof loadAuditLogSearchParams>>;
