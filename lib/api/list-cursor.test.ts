import { describe, expect, it } from "vitest";
import { decodeListCursor, encodeListCursor } from "@/lib/api/list-cursor";
import { encodePageCursor } from "@/lib/login-tokens/page-cursor";
import { LAST_PAGE_CURSOR } from "@/lib/login-tokens/search-params";

const key = { value: new Date("2026-11-24T09:30:00.000Z"), id: "0b9e8c4e-1f1a-4a8e-9a53-2f7f1c2f4b10" };
const base64url = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");

describe("the API's list cursor", () => {
  it("is the table's cursor after a row, newest first, and reads back as that row", () => {
    const cursor = encodeListCursor(key);
    expect(cursor).toBe(encodePageCursor("after", { key: "createdAt", direction: "desc" }, key));
    expect(decodeListCursor(cursor)).toEqual(key);
  });

  it("still reads a cursor issued before the API shared the table's codec", () => {
    expect(decodeListCursor(base64url({ c: "2026-11-24T09:30:00.000Z", i: key.id }))).toEqual(key);
  });

  it("refuses the table's cursors for other sorts and directions, its last-page marker, and anything else", () => {
    expect(decodeListCursor(encodePageCursor("after", { key: "createdAt", direction: "asc" }, key))).toBeNull();
    expect(decodeListCursor(encodePageCursor("before", { key: "createdAt", direction: "desc" }, key))).toBeNull();
    expect(decodeListCursor(encodePageCursor("after", { key: "name", direction: "desc" }, { value: "Cora", id: key.id }))).toBeNull();
    expect(decodeListCursor(LAST_PAGE_CURSOR)).toBeNull();
    expect(decodeListCursor(base64url({ c: "yesterday", i: key.id }))).toBeNull();
    expect(decodeListCursor("bm90LWEtY3Vyc29y")).toBeNull();
  });
});
