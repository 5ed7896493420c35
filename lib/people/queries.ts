import "server-only";
import { pool } from "@/lib/pg";
import type { PeopleStatus } from "@/lib/people/schemas";

export type PeopleKind = "contact" | "customer";

/** A contact or customer as the pages and the API show them. */
export interface PersonRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  /** Contacts only. */
  companyId: number | null;
  companyName: string | null;
  assistanceAllowed: boolean;
  /** For a contact: false too when its company denies assistance. */
  companyAssistanceAllowed: boolean | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Tokens that would redeem now. */
  liveTokens: number;
  /** The last successful use of one of the person's login links. */
  lastUsedAt: Date | null;
}

export interface CompanyRow {
  id: number;
  name: string;
  assistanceAllowed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Where a page ended: the last row's place in name order. */
export interface PeopleCursor {
  lastName: string;
  firstName: string;
  id: number;
}

export interface PeopleListQuery {
  search: string | null;
  companyId: number | null;
  status: PeopleStatus | null;
  after: PeopleCursor | null;
  limit: number;
  /** Rows to skip: a page the back-office reached by its number. */
  offset?: number;
}

const TABLE = { contact: "contacts", customer: "customers" } as const;
const TOKEN_COLUMN = { contact: "contact_id", customer: "customer_id" } as const;

/** A LIKE pattern for "starts with", with the user's own % and _ taken literally. */
export const prefixPattern = (term: string) =>
  `${term
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function selectList(kind: PeopleKind): string {
  const token = TOKEN_COLUMN[kind];
  const company =
    kind === "contact"
      ? "p.company_id, co.name AS company_name, co.assistance_allowed AS company_assistance_allowed"
      : "NULL::int AS company_id, NULL::text AS company_name, NULL::boolean AS company_assistance_allowed";
  // Per row of the page only: a person's tokens are a short range of the (holder, created_at) index.
  return `SELECT p.id, p.first_name, p.last_name, p.email, ${company}, p.assistance_allowed, p.deactivated_at, p.created_at, p.updated_at,
    (SELECT count(*)::int FROM login_tokens t WHERE t.${token} = p.id AND t.deleted_at IS NULL AND t.locked_at IS NULL
       AND (t.expires_at IS NULL OR t.expires_at > now())) AS live_tokens,
    (SELECT max(t.last_accessed_at) FROM login_tokens t WHERE t.${token} = p.id AND t.successful_attempts > 0) AS last_used_at
  FROM ${TABLE[kind]} p${kind === "contact" ? " JOIN companies co ON co.id = p.company_id" : ""}`;
}

function peopleFilter(kind: PeopleKind, query: Omit<PeopleListQuery, "limit" | "offset">, add: (value: unknown) => string): string {
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

function parameters() {
  const values: unknown[] = [];
  return { values, add: (value: unknown) => `$${values.push(value)}` };
}

/**
 * The SQL of one page in (last name, first name, id) order, after the cursor.
 * Without a search, the rows come out of a name index in order and the scan
 * stops after the page. A search is a prefix of the email, the full name, the
 * last name or (contacts) the company's name: each an index range, OR-ed into
 * one bitmap. Its matches are gathered first (MATERIALIZED), then sorted and
 * cut; otherwise the planner walks the name index, filtering, and a rare
 * prefix would read the whole table to fill a page.
 */
export function peopleListSql(kind: PeopleKind, query: PeopleListQuery): { text: string; values: unknown[] } {
  const { values, add } = parameters();
  const filter = peopleFilter(kind, query, add);
  const order = "ORDER BY p.last_name, p.first_name, p.id";
  const limit = `${add(query.limit + 1)}${query.offset ? ` OFFSET ${add(query.offset)}` : ""}`;
  if (!query.search) return { text: `${selectList(kind)}${filter} ${order} LIMIT ${limit}`, values };
  const text = `WITH matched AS MATERIALIZED (SELECT p.id, p.last_name, p.first_name FROM ${TABLE[kind]} p${filter}),
  page AS (SELECT p.id FROM matched p ${order} LIMIT ${limit})
  ${selectList(kind)} JOIN page ON page.id = p.id ${order}`;
  return { text, values };
}

/** Counted exactly up to this many; past it the page says "more than". */
export const PEOPLE_COUNT_CAP = 10_000;

/** The count of the same filter, reading at most PEOPLE_COUNT_CAP + 1 index entries. */
export function peopleCountSql(kind: PeopleKind, query: Omit<PeopleListQuery, "after" | "limit" | "offset">): { text: string; values: unknown[] } {
  const { values, add } = parameters();
  const filter = peopleFilter(kind, { ...query, after: null }, add);
  return { text: `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${TABLE[kind]} p${filter} LIMIT ${add(PEOPLE_COUNT_CAP + 1)}) capped`, values };
}

export async function countPeopleCapped(
  kind: PeopleKind,
  query: Omit<PeopleListQuery, "after" | "limit" | "offset">,
): Promise<{ total: number; capped: boolean }> {
  const { text, values } = peopleCountSql(kind, query);
  const count = (await pool().query<{ count: number }>(text, values)).rows[0]!.count;
  return { total: Math.min(count, PEOPLE_COUNT_CAP), capped: count > PEOPLE_COUNT_CAP };
}

interface Row {
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

const toPerson = (row: Row): PersonRow => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  companyId: row.company_id,
  companyName: row.company_name,
  assistanceAllowed: row.assistance_allowed,
  companyAssistanceAllowed: row.company_assistance_allowed,
  deactivatedAt: row.deactivated_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  liveTokens: row.live_tokens,
  lastUsedAt: row.last_used_at,
});

export interface PeoplePage {
  rows: PersonRow[];
  /** The cursor of the next page; null on the last one. */
  next: PeopleCursor | null;
}

export async function listPeople(kind: PeopleKind, query: PeopleListQuery): Promise<PeoplePage> {
  const { text, values } = peopleListSql(kind, query);
  const result = await pool().query<Row>(text, values);
  const rows = result.rows.slice(0, query.limit).map(toPerson);
  const last = rows.at(-1);
  return { rows, next: result.rows.length > query.limit && last ? { lastName: last.lastName, firstName: last.firstName, id: last.id } : null };
}

export async function findPerson(kind: PeopleKind, id: number): Promise<PersonRow | null> {
  const result = await pool().query<Row>(`${selectList(kind)} WHERE p.id = $1`, [id]);
  return result.rows[0] ? toPerson(result.rows[0]) : null;
}

export async function findCompany(id: number): Promise<CompanyRow | null> {
  const result = await pool().query<{ id: number; name: string; assistance_allowed: boolean; created_at: Date; updated_at: Date }>(
    "SELECT id, name, assistance_allowed, created_at, updated_at FROM companies WHERE id = $1",
    [id],
  );
  const row = result.rows[0];
  return row ? { id: row.id, name: row.name, assistanceAllowed: row.assistance_allowed, createdAt: row.created_at, updatedAt: row.updated_at } : null;
}

/** Companies whose name starts with `search`, for the company filter; by name. */
export async function searchCompanies(search: string, limit = 20): Promise<{ id: number; name: string }[]> {
  const result = await pool().query<{ id: number; name: string }>(
    "SELECT id, name FROM companies WHERE lower(name) LIKE $1 ORDER BY lower(name), id LIMIT $2",
    [prefixPattern(search), limit],
  );
  return result.rows;
}

export interface CompanyListQuery {
  search: string | null;
  afterId: number | null;
  limit: number;
}

/** Companies in id order (the webshop's), after the cursor; search is a prefix of the name. */
export function companyListSql(query: CompanyListQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const add = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  if (query.search) where.push(`lower(name) LIKE ${add(prefixPattern(query.search))}`);
  if (query.afterId !== null) where.push(`id > ${add(query.afterId)}`);
  const text = `SELECT id, name, assistance_allowed, created_at, updated_at FROM companies${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ${add(query.limit + 1)}`;
  return { text, values };
}

export async function listCompanies(query: CompanyListQuery): Promise<{ rows: CompanyRow[]; nextId: number | null }> {
  const { text, values } = companyListSql(query);
  const result = await pool().query<{ id: number; name: string; assistance_allowed: boolean; created_at: Date; updated_at: Date }>(text, values);
  const rows = result.rows
    .slice(0, query.limit)
    .map((row) => ({ id: row.id, name: row.name, assistanceAllowed: row.assistance_allowed, createdAt: row.created_at, updatedAt: row.updated_at }));
  return { rows, nextId: result.rows.length > query.limit ? rows.at(-1)!.id : null };
}

/** One page of Users > Contacts or Customers by its number, with the capped count and the filtered company's name. */
export async function peoplePageByNumber(
  kind: PeopleKind,
  filters: { search: string | null; companyId: number | null; status: PeopleStatus | null },
  page: number,
  perPage: number,
) {
  const [list, count, company] = await Promise.all([
    listPeople(kind, { ...filters, after: null, limit: perPage, offset: (page - 1) * perPage }),
    countPeopleCapped(kind, filters),
    filters.companyId !== null && kind === "contact" ? findCompany(filters.companyId) : Promise.resolve(null),
  ]);
  return { rows: list.rows, total: count.total, capped: count.capped, companyName: company?.name ?? null };
}
