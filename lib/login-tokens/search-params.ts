import { createLoader, createParser, parseAsIsoDate, parseAsNumberLiteral, parseAsStringLiteral } from "nuqs/server";
import { LOGIN_TOKEN_SORTS, NUMBER_OPERATORS, type LoginTokenSortKey, type NumberCondition } from "@/lib/login-tokens/filters";
import { INT32_MAX } from "@/lib/login-tokens/schemas";
import { parseAsPage, parseAsTimeZone, parseAsUuid } from "@/lib/url-parsers";

/**
 * The Login Tokens table's URL: one contract read by the server page
 * (`loadLoginTokensSearchParams`) and written by the client table
 * (`useQueryStates(loginTokensSearchParams)`). A value that does not parse —
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

/** `contact:12` or `customer:7`. */
const parseAsUserRef = createParser({
  parse: (value) => {
    const match = /^(contact|customer):([1-9]\d{0,9})$/.exec(value);
    // The webshop's own ids fill the integer column's whole range.
    if (!match || Number(match[2]) > INT32_MAX) return null;
    return { type: match[1] === "contact" ? ("CONTACT" as const) : ("CUSTOMER" as const), id: Number(match[2]) };
  },
  serialize: ({ type, id }) => `${type.toLowerCase()}:${id}`,
  eq: (a, b) => a.type === b.type && a.id === b.id,
});

/** `gte:3`: an operator of the attempt filters and a count. */
const parseAsNumberCondition = createParser({
  parse: (value): NumberCondition | null => {
    const [op, count] = value.split(":");
    const number = Number(count);
    if (!NUMBER_OPERATORS.includes(op as NumberCondition["op"]) || !/^\d{1,9}$/.test(count ?? "")) return null;
    return { op: op as NumberCondition["op"], value: number };
  },
  serialize: ({ op, value }) => `${op}:${value}`,
  eq: (a, b) => a.op === b.op && a.value === b.value,
});

/** Token values or public ids, comma-separated. */
const parseAsIdList = createParser({
  parse: (value) => {
    const ids = value
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter(Boolean);
    return ids.length > 0 && ids.length <= 100 && ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)) ? ids : null;
  },
  serialize: (ids) => ids.join(","),
  eq: (a, b) => a.join(",") === b.join(","),
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
  /** Public ids; pasted token values are turned into them on the server (pasted-ids.ts) before they get here. */
  ids: parseAsIdList,
  /** How many of `ids` were found by a pasted value: the chip says so, without the value. */
  byValue: parseAsPage,
  /** Opens New Login Token with this person chosen (the people pages link here). */
  newFor: parseAsUserRef,
  user: parseAsUserRef,
  expiresFrom: parseAsIsoDate,
  expiresTo: parseAsIsoDate,
  createdFrom: parseAsIsoDate,
  createdTo: parseAsIsoDate,
  updatedFrom: parseAsIsoDate,
  updatedTo: parseAsIsoDate,
  successful: parseAsNumberCondition,
  failed: parseAsNumberCondition,
  oneTimeUse: parseAsStringLiteral(["yes", "no"] as const),
  status: parseAsStringLiteral(["active", "expired", "used", "locked"] as const),
  /** The time zone of whoever set the date filters, so a shared link means the same days; UTC when absent. */
  tz: parseAsTimeZone,
  /** The token whose dialog is open, so that a link (e.g. from the audit log) opens it. */
  token: parseAsUuid,
};

export const loadLoginTokensSearchParams = createLoader(loginTokensSearchParams);

export type LoginTokensSearchParams = Awaited<ReturnType<typeof loadLoginTokensSearchParams>>;
