import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CappedCount } from "@/lib/capped-count";
import { countLoginTokensCapped, LOGIN_TOKEN_COUNT_CAP } from "@/lib/login-tokens/count";
import { LOGIN_TOKEN_SORTS, type LoginTokenFilters, type LoginTokenSort } from "@/lib/login-tokens/filters";
import { reverseSort, seekRanges, type SeekKey, type SortValue } from "@/lib/login-tokens/keyset";
import type { LoginTokenDetails, LoginTokenPage, LoginTokenPageLink, LoginTokenRow } from "@/lib/login-tokens/list-types";
import { decodePageCursor, encodePageCursor, type PageCursor } from "@/lib/login-tokens/page-cursor";
import { LAST_PAGE_CURSOR } from "@/lib/login-tokens/search-params";
import { statusOf } from "@/lib/login-tokens/status";
import { fullName, personSelect } from "@/lib/login-tokens/users";
import { loginTokenOrderBy, loginTokenWhere } from "@/lib/login-tokens/where";
import { offsetPageLinks, pageCount, type PageLinks } from "@/lib/pagination";

export interface LoginTokenListRequest {
  filters: LoginTokenFilters;
  sort: LoginTokenSort;
  page: number;
  perPage: number;
  /** The URL's cursor beside `page`: how to reach that page by seeking. */
  cursor?: string | null;
}

// An explicit list, so token_hash and token_ciphertext can never ride along.
export const LOGIN_TOKEN_ROW_SELECT = {
  id: true,
  userName: true,
  userType: true,
  expiresAt: true,
  lastAccessedAt: true,
  successfulAttempts: true,
  failedAttempts: true,
  oneTimeUse: true,
  maxUses: true,
  extra: true,
  createdAt: true,
  usedAt: true,
  lockedAt: true,
  deletedAt: true,
  punchoutSession: { select: { buyer: { select: { id: true, name: true } } } },
} as const satisfies Prisma.LoginTokenSelect;

/** Where a page's rows begin: after so many rows, or by seeking (page-cursor.ts). */
export type PageStart = { kind: "offset"; skip: number } | PageCursor;

/**
 * The page's rows in `sort`'s order, each as its place in the sort (its
 * value in the sort's column and its id: what the page's cursors are made
 * of), read from the sort's index alone where it covers the filter. A seek
 * reads the ranges after its cursor one by one until the page is full; a
 * seek backwards, and the last page, read the reversed order and turn it round.
 */
async function findPageKeys(where: Prisma.LoginTokenWhereInput, sort: LoginTokenSort, start: PageStart, take: number): Promise<SeekKey[]> {
  const { column } = LOGIN_TOKEN_SORTS[sort.key];
  async function read(order: LoginTokenSort, range: Prisma.LoginTokenWhereInput | null, skip: number, count: number): Promise<SeekKey[]> {
    const rows: Array<Record<string, unknown>> = await db.loginToken.findMany({
      where: range ? { AND: [where, range] } : where,
      orderBy: loginTokenOrderBy(order),
      skip,
      take: count,
      select: { id: true, [column]: true },
    });
    return rows.map((row) => ({ id: row.id as string, value: row[column] as SortValue }));
  }
  async function seek(order: LoginTokenSort, from: SeekKey): Promise<SeekKey[]> {
    const keys: SeekKey[] = [];
    for (const range of seekRanges(order, from)) {
      if (keys.length === take) break;
      keys.push(...(await read(order, range, 0, take - keys.length)));
    }
    return keys;
  }
  switch (start.kind) {
    case "offset":
      return read(sort, null, start.skip, take);
    case "after":
      return seek(sort, start.key);
    case "before":
      return (await seek(reverseSort(sort), start.key)).reverse();
    case "last":
      return (await read(reverseSort(sort), null, 0, take)).reverse();
  }
}

/**
 * One page of rows, as a deferred join: the page's ids first (findPageKeys:
 * a deep page by offset skips index entries instead of whole rows, and by
 * cursor skips nothing), then `select`'s columns for those ids alone.
 */
async function findPage<S extends Prisma.LoginTokenSelect & { id: true }>(
  where: Prisma.LoginTokenWhereInput,
  sort: LoginTokenSort,
  start: PageStart,
  take: number,
  select: S,
) {
  const keys = await findPageKeys(where, sort, start, take);
  if (keys.length === 0) return { keys, rows: [] };
  const rows = (await db.loginToken.findMany({ where: { id: { in: keys.map((key) => key.id) } }, select })) as Array<
    Prisma.LoginTokenGetPayload<{ select: S }> & { id: string }
  >;
  const byId = new Map(rows.map((row) => [row.id, row]));
  // In the order of the ids; `IN` returns its rows in any order.
  return { keys, rows: keys.flatMap(({ id }) => byId.get(id) ?? []) };
}

type LoginTokenRowRecord = Prisma.LoginTokenGetPayload<{ select: typeof LOGIN_TOKEN_ROW_SELECT }>;

function toLoginTokenRow({ usedAt, lockedAt, deletedAt, punchoutSession, ...row }: LoginTokenRowRecord, now: Date): LoginTokenRow {
  return { ...row, punchoutBuyer: punchoutSession?.buyer ?? null, status: statusOf({ usedAt, lockedAt, deletedAt, expiresAt: row.expiresAt }, now) };
}

/** One token as a row of the table, for showing a saved edit without reading the page again. */
export async function findLoginTokenRow(id: string, now: Date = new Date()): Promise<LoginTokenRow | null> {
  const record = await db.loginToken.findUnique({ where: { id }, select: LOGIN_TOKEN_ROW_SELECT });
  return record && toLoginTokenRow(record, now);
}

/** One page of the table's rows. */
export function findLoginTokenPageRows(where: Prisma.LoginTokenWhereInput, sort: LoginTokenSort, start: PageStart, take: number) {
  return findPage(where, sort, start, take, LOGIN_TOKEN_ROW_SELECT);
}

/**
 * Where the pagination's controls lead from `page`, whose rows are `keys`:
 * the neighbours by a cursor from this page's first or last row, the last
 * page by the reversed order, the first by its number. Page 1 is read by its
 * number whichever way it is reached: it costs no more, and its URL stays plain.
 */
function loginTokenPageLinks(sort: LoginTokenSort, page: number, take: number, counted: CappedCount, keys: SeekKey[]): PageLinks<LoginTokenPageLink> {
  const byNumber = offsetPageLinks({ page, perPage: take, ...counted });
  const first = keys[0];
  const last = keys.at(-1);
  return {
    first: byNumber.first && { ...byNumber.first, cursor: null },
    previous: byNumber.previous && { ...byNumber.previous, cursor: byNumber.previous.page > 1 && first ? encodePageCursor("before", sort, first) : null },
    next: byNumber.next && { ...byNumber.next, cursor: last ? encodePageCursor("after", sort, last) : null },
    last: byNumber.last && { ...byNumber.last, cursor: LAST_PAGE_CURSOR },
  };
}

/**
 * One page of tokens, filtered and sorted by the database, the capped count
 * of all matches, and the links to the pages around it. The page comes by
 * the URL's cursor when it has a good one, by its number otherwise (a typed
 * URL, a cursor made for another sort, or one tampered with).
 */
export async function listLoginTokens(
  { filters, sort, page, perPage, cursor = null }: LoginTokenListRequest,
  { now = new Date(), countCap = LOGIN_TOKEN_COUNT_CAP }: { now?: Date; countCap?: number } = {},
): Promise<LoginTokenPage> {
  const where = loginTokenWhere(filters, now);
  const take = Math.min(Math.max(Math.trunc(perPage), 1), 100);
  const counting = countLoginTokensCapped(where, { cap: countCap, orderBy: loginTokenOrderBy(sort) });
  const byNumber = (number: number): PageStart => ({ kind: "offset", skip: (number - 1) * take });

  async function readLastPage(counted: CappedCount) {
    const shown = pageCount(counted.total, take);
    return { shown, found: await findLoginTokenPageRows(where, sort, { kind: "last" }, counted.total - (shown - 1) * take) };
  }

  async function readPage() {
    const requested = Math.max(page, 1);
    const start = (requested > 1 && cursor && decodePageCursor(cursor, sort)) || byNumber(requested);
    if (start.kind === "last") {
      const counted = await counting;
      // Past a capped count, or with nothing to show, the last page is not known: the page is read by its number.
      if (counted.totalIsCapped || counted.total === 0)
        return { shown: requested, found: await findLoginTokenPageRows(where, sort, byNumber(requested), take) };
      return readLastPage(counted);
    }
    const found = await findLoginTokenPageRows(where, sort, start, take);
    // Rows before the cursor have gone since its page was shown: this is the start of the list now.
    if (start.kind === "before" && found.keys.length < take) return { shown: 1, found: await findLoginTokenPageRows(where, sort, byNumber(1), take) };
    if (found.keys.length === 0 && requested > 1) {
      // A page number past the end (typed, or the list shrank): the last page there is.
      const counted = await counting;
      if (!counted.totalIsCapped && counted.total > 0) return readLastPage(counted);
    }
    return { shown: requested, found };
  }

  const [counted, { shown, found }] = await Promise.all([counting, readPage()]);
  return {
    rows: found.rows.map((record) => toLoginTokenRow(record, now)),
    ...counted,
    page: shown,
    links: loginTokenPageLinks(sort, shown, take, counted, found.keys),
  };
}

const person = { select: personSelect } as const;

/**
 * A token as the dialog and the API read it: every column but the secret
 * ones, with its person (a contact with their company), its creator's name.
 */
const LOGIN_TOKEN_RECORD_SELECT = {
  id: true,
  userType: true,
  contact: { select: { ...personSelect, company: { select: { name: true } } } },
  customer: person,
  expiresAt: true,
  oneTimeUse: true,
  maxUses: true,
  useWindowMinutes: true,
  extra: true,
  referrer: true,
  redirectPath: true,
  reason: true,
  successfulAttempts: true,
  failedAttempts: true,
  lastAccessedAt: true,
  createdAt: true,
  updatedAt: true,
  usedAt: true,
  lockedAt: true,
  deletedAt: true,
  createdByStaff: { select: { name: true } },
  createdByApiKey: { select: { name: true } },
} as const satisfies Prisma.LoginTokenSelect;

export type LoginTokenRecord = Prisma.LoginTokenGetPayload<{ select: typeof LOGIN_TOKEN_RECORD_SELECT }>;

/** A token that is listed (live, or used up), or null. */
export function findLoginTokenRecord(id: string): Promise<LoginTokenRecord | null> {
  return db.loginToken.findFirst({ where: { id, deletedAt: null }, select: LOGIN_TOKEN_RECORD_SELECT });
}

/**
 * Up to `take` listed tokens in `sort`'s order, after `after` when given
 * (its place in that sort, as a cursor carries it): the table's own seek,
 * read as whole records. `keys` are the rows' places, for the next cursor.
 */
export function findLoginTokenRecords(filters: LoginTokenFilters, sort: LoginTokenSort, after: SeekKey | null, take: number, now: Date) {
  const start: PageStart = after ? { kind: "after", key: after } : { kind: "offset", skip: 0 };
  return findPage(loginTokenWhere(filters, now), sort, start, take, LOGIN_TOKEN_RECORD_SELECT);
}

/** What the edit dialog shows of a listed token, or null. */
export async function getLoginTokenDetails(id: string, now: Date = new Date()): Promise<LoginTokenDetails | null> {
  const row = await findLoginTokenRecord(id);
  if (!row) return null;
  const owner = row.contact ?? row.customer;
  return {
    id: row.id,
    user:
      owner && row.userType
        ? { type: row.userType, id: owner.id, name: fullName(owner), email: owner.email, company: row.contact?.company.name ?? null }
        : null,
    expiresAt: row.expiresAt,
    oneTimeUse: row.oneTimeUse,
    maxUses: row.maxUses,
    useWindowMinutes: row.useWindowMinutes,
    extra: row.extra,
    referrer: row.referrer,
    redirectPath: row.redirectPath,
    reason: row.reason,
    successfulAttempts: row.successfulAttempts,
    failedAttempts: row.failedAttempts,
    lastAccessedAt: row.lastAccessedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdByStaff?.name ?? (row.createdByApiKey ? `API key “${row.createdByApiKey.name}”` : null),
    status: statusOf(row, now),
  };
}
