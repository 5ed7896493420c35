import "server-only";
import { z } from "zod";
import type { LoginTokenSort, LoginTokenSortKey } from "@/lib/login-tokens/filters";
import type { SeekKey } from "@/lib/login-tokens/keyset";
import { userTypeSchema } from "@/lib/login-tokens/schemas";
import { LAST_PAGE_CURSOR } from "@/lib/login-tokens/search-params";

/**
 * How the table reaches a page by seeking rather than counting rows off:
 * the rows after the previous page's last row, the rows before the next
 * page's first row, or the last page (the first page of the reversed order).
 */
export type PageCursor = { kind: "after" | "before"; key: SeekKey } | { kind: "last" };

const instant = z.iso.datetime().transform((value) => new Date(value));

/** What a row may hold in each sort's column; a new sort fails to compile here until it says. */
const SORT_VALUE: Record<LoginTokenSortKey, z.ZodType<SeekKey["value"]>> = {
  name: z.string().max(500).nullable(),
  type: userTypeSchema.nullable(),
  expiresAt: instant.nullable(),
  lastAccessedAt: instant.nullable(),
  successfulAttempts: z.number().int(),
  failedAttempts: z.number().int(),
  oneTimeUse: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
};

const sortName = ({ key, direction }: LoginTokenSort) => `${key}.${direction}`;

/** The cursor's payload: made for one sort only, so that a cursor kept across a change of sort is not misread. */
const pageCursorSchema = (sort: LoginTokenSort) =>
  z.strictObject({ d: z.enum(["after", "before"]), s: z.literal(sortName(sort)), v: SORT_VALUE[sort.key], i: z.uuid() });

/** The URL's `cursor` for the rows after (or before) `key` in `sort`: base64url JSON, opaque to the browser. */
export function encodePageCursor(kind: "after" | "before", sort: LoginTokenSort, key: SeekKey): string {
  return Buffer.from(JSON.stringify({ d: kind, s: sortName(sort), v: key.value, i: key.id })).toString("base64url");
}

/** The cursor the URL carries, or null if it was not made by `encodePageCursor` for this sort. */
export function decodePageCursor(cursor: string, sort: LoginTokenSort): PageCursor | null {
  if (cursor === LAST_PAGE_CURSOR) return { kind: "last" };
  try {
    const parsed = pageCursorSchema(sort).safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { kind: parsed.data.d, key: { value: parsed.data.v, id: parsed.data.i } } : null;
  } catch {
    return null;
  }
}
