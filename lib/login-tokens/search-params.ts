import { createLoader, createParser, parseAsNumberLiteral } from "nuqs/server";
import { LOGIN_TOKEN_SORTS, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import { LOGIN_TOKEN_FILTERS, parseAsUserRef } from "@/lib/login-tokens/table-filters";
import { filterUrlParsers } from "@/lib/table-filters";
import { parseAsPage, parseAsTimeZone, parseAsUuid } from "@/lib/url-parsers";

/**
 * The Login Tokens table's URL: one contract read by the server page
 * (`loadLoginTokensSearchParams`) and written by the client table
 * (`useTableSearchParams(loginTokensSearchParams)`). A value that does not parse —
 * a page of -3, an unknown sort, a date that is not a date — reads as its
 * default instead of failing.
 */

export const PAGE_SIZES = [25, 50, 100] as const;

const parseAsSort = createParser({
  parse: (value) => {
    const [key, direction] = value.split(".");
    if (!key || !Object.hasOwn(LOGIN_TOKEN_SORTS, key) || (direction !== "asc" && direction !== "desc")) return null;
    return { key: key as LoginTokenSortKey, direction: direction as "asc" | "desc" };
  },
  serialize: ({ key, direction }) => `${key}.${direction}`,
  eq: (a, b) => a.key === b.key && a.direction === b.direction,
});

/** The `cursor` that asks for the last page. */
export const LAST_PAGE_CURSOR = "last";

/**
 * How the server reaches `page` cheaply (lib/login-tokens/page-cursor.ts):
 * opaque here, and only shaped like one; the server decodes it, and reads
 * the page by its number when it cannot.
 */
const parseAsPageCursor = createParser({
  parse: (value) => (value === LAST_PAGE_CURSOR || /^[A-Za-z0-9_-]{1,2000}$/.test(value) ? value : null),
  serialize: (value) => value,
});

/** What a change of filters, sort or page size goes back to. */
export const FIRST_PAGE = { page: 1, cursor: null } as const;

export const loginTokensSearchParams = {
  page: parseAsPage.withDefault(1),
  /** Set only by the pagination's links, beside the page number they lead to. */
  cursor: parseAsPageCursor,
  perPage: parseAsNumberLiteral(PAGE_SIZES).withDefault(25),
  sort: parseAsSort.withDefault({ key: "createdAt", direction: "desc" }),
  /** Opens New Login Token with this person chosen (the people pages link here). */
  newFor: parseAsUserRef,
  /** Each filter's own parameters (table-filters.ts). */
  ...filterUrlParsers(LOGIN_TOKEN_FILTERS),
  /** The time zone of whoever set the date filters, so a shared link means the same days; UTC when absent. */
  tz: parseAsTimeZone,
  /** The token whose dialog is open, so that a link (e.g. from the audit log) opens it. */
  token: parseAsUuid,
};

export const loadLoginTokensSearchParams = createLoader(loginTokensSearchParams);

export type LoginTokensSearchParams = Awaited<ReturnType<typeof loadLoginTokensSearchParams>>;
