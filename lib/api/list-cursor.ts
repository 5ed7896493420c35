import "server-only";
import { z } from "zod";
import type { LoginTokenSort } from "@/lib/login-tokens/filters";
import type { SeekKey } from "@/lib/login-tokens/keyset";
import { decodePageCursor, encodePageCursor } from "@/lib/login-tokens/page-cursor";

/**
 * The API lists newest first, (created_at desc, id desc), whatever the
 * table's default sort becomes: the order its cursors promise integrations.
 */
export const API_LIST_SORT: LoginTokenSort = { key: "createdAt", direction: "desc" };

/**
 * The API's `nextCursor`: the table's own cursor for the rows after `key` in
 * the API's order, so both page through one keyset with one codec.
 */
export function encodeListCursor(key: SeekKey): string {
  return encodePageCursor("after", API_LIST_SORT, key);
}

// The payload of the cursors the API issued before it shared the table's codec.
// A cursor does not expire, so an integration may still hold one: it is read
// as the same place in the same order, and never issued again.
const issuedBeforeSchema = z.strictObject({ c: z.iso.datetime(), i: z.uuid() });

function decodeIssuedBefore(cursor: string): SeekKey | null {
  try {
    const parsed = issuedBeforeSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { value: new Date(parsed.data.c), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

/** The row a `cursor` query parameter continues after, or null if it is not a `nextCursor` of this API. */
export function decodeListCursor(cursor: string): SeekKey | null {
  const decoded = decodePageCursor(cursor, API_LIST_SORT);
  if (decoded) return decoded.kind === "after" ? decoded.key : null;
  return decodeIssuedBefore(cursor);
}
