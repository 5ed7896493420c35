import "server-only";
import { pool } from "@/lib/pg";
import type { PeopleStatus } from "@/lib/people/schemas";
import { companyListSql } from "@/lib/sql/company-list";
import { findCompanySql } from "@/lib/sql/find-company";
import { findPersonSql } from "@/lib/sql/find-person";
import type { CompanyColumnsRow, PersonColumnsRow } from "@/lib/sql/fragments";
import { peopleCountSql, PEOPLE_COUNT_CAP } from "@/lib/sql/people-count";
import { peopleListSql } from "@/lib/sql/people-list";
import { searchCompaniesSql } from "@/lib/sql/search-companies";

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

/** What a people list is narrowed to: its search, filters and cursor. */
export interface PeopleFilter {
  search: string | null;
  companyId: number | null;
  status: PeopleStatus | null;
  after: PeopleCursor | null;
}

export interface PeopleListQuery extends PeopleFilter {
  limit: number;
  /** Rows to skip: a page the back-office reached by its number. */
  offset?: number;
}

export async function countPeopleCapped(kind: PeopleKind, query: Omit<PeopleFilter, "after">): Promise<{ total: number; capped: boolean }> {
  const count = (await pool().query<{ count: number }>(peopleCountSql(kind, query))).rows[0]!.count;
  return { total: Math.min(count, PEOPLE_COUNT_CAP), capped: count > PEOPLE_COUNT_CAP };
}

const toPerson = (row: PersonColumnsRow): PersonRow => ({
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
  const result = await pool().query<PersonColumnsRow>(peopleListSql(kind, query));
  const rows = result.rows.slice(0, query.limit).map(toPerson);
  const last = rows.at(-1);
  return { rows, next: result.rows.length > query.limit && last ? { lastName: last.lastName, firstName: last.firstName, id: last.id } : null };
}

export async function findPerson(kind: PeopleKind, id: number): Promise<PersonRow | null> {
  const result = await pool().query<PersonColumnsRow>(findPersonSql(kind, id));
  return result.rows[0] ? toPerson(result.rows[0]) : null;
}

const toCompany = (row: CompanyColumnsRow): CompanyRow => ({
  id: row.id,
  name: row.name,
  assistanceAllowed: row.assistance_allowed,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function findCompany(id: number): Promise<CompanyRow | null> {
  const row = (await pool().query<CompanyColumnsRow>(findCompanySql(id))).rows[0];
  return row ? toCompany(row) : null;
}

/** Companies whose name starts with `search`, for the company filter; by name. */
export async function searchCompanies(search: string, limit = 20): Promise<{ id: number; name: string }[]> {
  return (await pool().query<{ id: number; name: string }>(searchCompaniesSql(search, limit))).rows;
}

export interface CompanyListQuery {
  search: string | null;
  afterId: number | null;
  limit: number;
}

export async function listCompanies(query: CompanyListQuery): Promise<{ rows: CompanyRow[]; nextId: number | null }> {
  const result = await pool().query<CompanyColumnsRow>(companyListSql(query));
  const rows = result.rows.slice(0, query.limit).map(toCompany);
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
