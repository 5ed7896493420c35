import type { PeopleFilter, PeopleKind } from "@/lib/people/queries";

// Pieces of SQL that more than one statement of this folder needs, written
// once. Each takes the placeholders or names of the statement it goes into.

/**
 * The start of the fixed throttle window the present moment falls in, for a
 * window of `seconds` (a placeholder such as `$2`). Computed by PostgreSQL so
 * that every instance agrees.
 */
export const windowStart = (seconds: string) => `to_timestamp(floor(extract(epoch FROM now()) / ${seconds}::int) * ${seconds}::int)`;

/** Whole seconds until the window that starts at `start` has ended. */
export const secondsUntilWindowEnds = (start: string, seconds: string) =>
  `ceil(extract(epoch FROM ${start} + make_interval(secs => ${seconds}::int) - now()))::int`;

/**
 * Stamps the last use of the API key a CTE named `live` found (its `id` and
 * `last_used_at`), at most once per `seconds`: the condition is checked on
 * what `live` read and again on the row being updated, so that concurrent
 * requests on any number of instances write it once.
 */
export const stampApiKeyUse = (live: string, seconds: string) => `UPDATE api_keys a SET last_used_at = now()
  FROM ${live}
  WHERE a.id = ${live}.id
    AND (${live}.last_used_at IS NULL OR ${live}.last_used_at <= now() - make_interval(secs => ${seconds}::int))
    AND (a.last_used_at IS NULL OR a.last_used_at <= now() - make_interval(secs => ${seconds}::int))`;

/**
 * An audit event written by SQL rather than through recordAudit (lib/audit.ts),
 * when it must be one statement, or one node-pg transaction, with the change
 * it records; the SELECT that follows gives these columns in this order (null
 * where they do not apply).
 */
export const INSERT_AUDIT_EVENTS = `INSERT INTO audit_events
  (action, actor_type, actor_staff_id, actor_api_key_id, actor_label, login_token_id, ip, user_agent, details)`;

/**
 * Numbered placeholders for a statement assembled from optional parts:
 * `add(value)` keeps the value and gives the placeholder that stands for it.
 */
export function parameters() {
  const values: unknown[] = [];
  return { values, add: (value: unknown) => `$${values.push(value)}` };
}

/** A LIKE pattern for "starts with", with the user's own % and _ taken literally. */
export const prefixPattern = (term: string) =>
  `${term
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Each kind of person's table, and the column of login_tokens that names its holder. */
export const PEOPLE_TABLES = {
  contact: { table: "contacts", holder: "contact_id" },
  customer: { table: "customers", holder: "customer_id" },
} as const;

/** A person as the pages and the API show them, read from the table as `p`; the columns of PersonColumnsRow. */
export function selectPeople(kind: PeopleKind): string {
  const { table, holder } = PEOPLE_TABLES[kind];
  const company =
    kind === "contact"
      ? "p.company_id, co.name AS company_name, co.assistance_allowed AS company_assistance_allowed"
      : "NULL::int AS company_id, NULL::text AS company_name, NULL::boolean AS company_assistance_allowed";
  // Per row of the page only: a person's tokens are a short range of the (holder, created_at) index.
  return `SELECT p.id, p.first_name, p.last_name, p.email, ${company}, p.assistance_allowed, p.deactivated_at, p.created_at, p.updated_at,
    (SELECT count(*)::int FROM login_tokens t WHERE t.${holder} = p.id AND t.deleted_at IS NULL AND t.locked_at IS NULL
       AND (t.expires_at IS NULL OR t.expires_at > now())) AS live_tokens,
    (SELECT max(t.last_accessed_at) FROM login_tokens t WHERE t.${holder} = p.id AND t.successful_attempts > 0) AS last_used_at
  FROM ${table} p${kind === "contact" ? " JOIN companies co ON co.id = p.company_id" : ""}`;
}

export interface PersonColumnsRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  company_id: number | null;
  company_name: string | null;
  company_assistance_allowed: boolean | null;
  assistance_allowed: boolean;
  deactivated_at: Date | null;
  created_at: Date;
  updated_at: Date;
  live_tokens: number;
  last_used_at: Date | null;
}

/**
 * The WHERE clause (empty without a condition) of a people list's search,
 * filters and cursor, on the table as `p`. A search is a prefix of the email,
 * the full name, the last name or (contacts) the company's name.
 */
export function peopleWhere(kind: PeopleKind, query: PeopleFilter, add: (value: unknown) => string): string {
  const where: string[] = [];
  if (query.search) {
    const pattern = add(prefixPattern(query.search));
    const matches = [`p.email LIKE ${pattern}`, `lower(p.first_name || ' ' || p.last_name) LIKE ${pattern}`, `lower(p.last_name) LIKE ${pattern}`];
    if (kind === "contact") matches.push(`p.company_id = ANY (ARRAY(SELECT c.id FROM companies c WHERE lower(c.name) LIKE ${pattern}))`);
    where.push(`(${matches.join(" OR ")})`);
  }
  if (kind === "contact" && query.companyId !== null) where.push(`p.company_id = ${add(query.companyId)}`);
  if (query.status === "active") where.push("p.deactivated_at IS NULL");
  if (query.status === "deactivated") where.push("p.deactivated_at IS NOT NULL");
  if (query.after) {
    where.push(`(p.last_name, p.first_name, p.id) > (${add(query.after.lastName)}, ${add(query.after.firstName)}, ${add(query.after.id)})`);
  }
  return where.length ? ` WHERE ${where.join(" AND ")}` : "";
}

/** A company's columns as the pages and the API show them (CompanyColumnsRow). */
export const COMPANY_COLUMNS = "id, name, assistance_allowed, created_at, updated_at";

export interface CompanyColumnsRow {
  id: number;
  name: string;
  assistance_allowed: boolean;
  created_at: Date;
  updated_at: Date;
}
