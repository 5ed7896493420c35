// Paging by cursor must show exactly the pages paging by number shows: for
// every sort, both ways, over columns with ties and NULLs, forwards with
// Next, backwards with Previous, and the last page by the reversed order.
import { beforeAll, describe, expect, it } from "vitest";
import { LOGIN_TOKEN_SORTS, type LoginTokenSort, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import type { LoginTokenPage, LoginTokenPageLink } from "@/lib/login-tokens/list-types";
import { decodePageCursor, encodePageCursor } from "@/lib/login-tokens/page-cursor";
import { listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { testDb } from "@/test/db";
import { createContact, createCustomer, createToken } from "@/test/factories";

const TOKENS = 80; // Pages of 25, 25, 25 and 5.
const DAY = "1999-03-01"; // A creation day no other suite's tokens have: the view's filter.
const SCOPE = `createdFrom=${DAY}&createdTo=${DAY}`;
const at = (minutes: number) => new Date(Date.parse(`${DAY}T10:00:00Z`) + minutes * 60_000);

/** The page the server page shows for this query string. */
function listFor(query: string, options: { countCap?: number } = {}) {
  const params = loadLoginTokensSearchParams(new URLSearchParams(query));
  return listLoginTokens(
    { filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: params.page, perPage: params.perPage, cursor: params.cursor },
    options,
  );
}
const ids = (page: LoginTokenPage) => page.rows.map((row) => row.id);
const linkQuery = (sort: string, link: LoginTokenPageLink) => `${SCOPE}&sort=${sort}&page=${link.page}${link.cursor ? `&cursor=${link.cursor}` : ""}`;

beforeAll(async () => {
  // Few distinct values in every sorted column, so that ties cross page boundaries, and NULLs in each nullable one.
  const people = [await createContact({ firstName: "Ann", lastName: "Keyset" }), await createContact({ firstName: "Zed", lastName: "Keyset" })];
  const customer = await createCustomer({ firstName: "Bob", lastName: "Keyset" });
  for (let i = 0; i < TOKENS; i++) {
    // Every fourth token is anonymous: no type, no name.
    const person = [people[0]!, people[1]!, customer][i % 4];
    const userName = person && `${person.firstName} ${person.lastName}`;
    const owner = !person ? {} : person === customer ? { customerId: customer.id, userName } : { contactId: person.id, userName };
    const { id } = await createToken({
      ...owner,
      createdAt: at(i % 10),
      expiresAt: i % 5 === 0 ? null : at(10_000 + (i % 3) * 60),
      successfulAttempts: i % 3,
      failedAttempts: i % 7 === 0 ? 2 : 0,
      oneTimeUse: i % 3 === 0,
    });
    await testDb.loginToken.update({ where: { id }, data: { lastAccessedAt: i % 2 === 0 ? null : at(100 + (i % 4)), updatedAt: at(200 + (i % 6)) } });
  }
});

const sorts = (Object.keys(LOGIN_TOKEN_SORTS) as LoginTokenSortKey[]).flatMap((key) =>
  (["asc", "desc"] as const).map((direction): LoginTokenSort => ({ key, direction })),
);

describe.each(sorts)("sorted by $key $direction", (sort) => {
  const name = `${sort.key}.${sort.direction}`;
  let byNumber: string[][];

  beforeAll(async () => {
    byNumber = [];
    for (let page = 1; page <= 4; page++) byNumber.push(ids(await listFor(`${SCOPE}&sort=${name}&page=${page}`)));
    expect(byNumber.map((rows) => rows.length)).toEqual([25, 25, 25, 5]);
    expect(new Set(byNumber.flat()).size).toBe(TOKENS);
  });

  it("Next by cursor walks the same pages as OFFSET, and Previous walks them back", async () => {
    let page = await listFor(`${SCOPE}&sort=${name}`);
    const forwards = [ids(page)];
    while (page.links.next) {
      // A cursor this sort can read, so the rows really come by seeking.
      expect(decodePageCursor(page.links.next.cursor!, sort)).toMatchObject({ kind: "after" });
      page = await listFor(linkQuery(name, page.links.next));
      forwards.push(ids(page));
      expect(page.page).toBe(forwards.length);
    }
    expect(forwards).toEqual(byNumber);

    const backwards = [ids(page)];
    while (page.links.previous) {
      const { previous } = page.links;
      if (previous.page > 1) expect(decodePageCursor(previous.cursor!, sort)).toMatchObject({ kind: "before" });
      page = await listFor(linkQuery(name, previous));
      backwards.unshift(ids(page));
      expect(page.page).toBe(5 - backwards.length);
    }
    expect(backwards).toEqual(byNumber);
  });

  it("Last reads the reversed order's first page: the same rows as the last page by OFFSET", async () => {
    const first = await listFor(`${SCOPE}&sort=${name}`);
    expect(first.links.last).toEqual({ page: 4, cursor: "last" });
    const last = await listFor(linkQuery(name, first.links.last!));
    expect(last.page).toBe(4);
    expect(ids(last)).toEqual(byNumber[3]);
    expect(last.links.next).toBeNull();
    expect(ids(await listFor(linkQuery(name, last.links.previous!)))).toEqual(byNumber[2]);
  });
});

describe("a cursor the server cannot use", () => {
  const sort: LoginTokenSort = { key: "expiresAt", direction: "asc" };

  it("is made for this sort only", async () => {
    const [id] = ids(await listFor(`${SCOPE}&sort=expiresAt.asc`));
    const cursor = encodePageCursor("after", sort, { value: new Date(), id: id! });
    expect(decodePageCursor(cursor, sort)).not.toBeNull();
    expect(decodePageCursor(cursor, { key: "expiresAt", direction: "desc" })).toBeNull();
    expect(decodePageCursor(cursor, { key: "successfulAttempts", direction: "asc" })).toBeNull();
  });

  it.each([
    ["not base64url JSON", "bm90LWpzb24"],
    ["for another sort", encodePageCursor("after", { key: "createdAt", direction: "desc" }, { value: new Date(), id: "7f4c7a54-3d41-4b7a-9b0f-6e0f3f1c2a11" })],
    [
      "with a value of the wrong kind",
      Buffer.from(JSON.stringify({ d: "after", s: "expiresAt.asc", v: 42, i: "7f4c7a54-3d41-4b7a-9b0f-6e0f3f1c2a11" })).toString("base64url"),
    ],
    ["with an id that is not one", Buffer.from(JSON.stringify({ d: "after", s: "expiresAt.asc", v: null, i: "1; DROP TABLE" })).toString("base64url")],
    [
      "with a key too many",
      Buffer.from(JSON.stringify({ d: "after", s: "expiresAt.asc", v: null, i: "7f4c7a54-3d41-4b7a-9b0f-6e0f3f1c2a11", x: 1 })).toString("base64url"),
    ],
  ])("%s: the page is read by its number", async (_, cursor) => {
    const byNumber = await listFor(`${SCOPE}&sort=expiresAt.asc&page=3`);
    const page = await listFor(`${SCOPE}&sort=expiresAt.asc&page=3&cursor=${cursor}`);
    expect(page.page).toBe(3);
    expect(ids(page)).toEqual(ids(byNumber));
  });

  it("beside page 1, or not shaped like a cursor at all, is ignored", async () => {
    const first = ids(await listFor(`${SCOPE}&sort=expiresAt.asc`));
    const next = (await listFor(`${SCOPE}&sort=expiresAt.asc`)).links.next!;
    expect(ids(await listFor(`${SCOPE}&sort=expiresAt.asc&page=1&cursor=${next.cursor}`))).toEqual(first);
    expect(ids(await listFor(`${SCOPE}&sort=expiresAt.asc&cursor=${encodeURIComponent("<script>")}`))).toEqual(first);
  });

  it("asks for the last page when the count is capped: the page is read by its number", async () => {
    const byNumber = await listFor(`${SCOPE}&sort=expiresAt.asc&page=2`, { countCap: 30 });
    const page = await listFor(`${SCOPE}&sort=expiresAt.asc&page=2&cursor=last`, { countCap: 30 });
    expect(page).toMatchObject({ page: 2, totalIsCapped: true, links: { last: null } });
    expect(ids(page)).toEqual(ids(byNumber));
  });
});

describe("the cursor, not the number, picks the rows", () => {
  it("follows Next's cursor even beside another page number, which it shows", async () => {
    const second = ids(await listFor(`${SCOPE}&sort=name.asc&page=2`));
    const { next } = (await listFor(`${SCOPE}&sort=name.asc`)).links;
    const page = await listFor(`${SCOPE}&sort=name.asc&page=7&cursor=${next!.cursor}`);
    expect(ids(page)).toEqual(second);
    expect(page.page).toBe(7);
  });

  it("starts again at page 1 when Previous finds fewer rows before its cursor than a page holds", async () => {
    const sort: LoginTokenSort = { key: "createdAt", direction: "desc" };
    const first = await listFor(`${SCOPE}&sort=createdAt.desc`);
    // As if the first page had held only nine rows before this one's first when its cursor was made.
    const tenth = first.rows[9]!;
    const page = await listFor(`${SCOPE}&sort=createdAt.desc&page=2&cursor=${encodePageCursor("before", sort, { value: tenth.createdAt, id: tenth.id })}`);
    expect(page.page).toBe(1);
    expect(ids(page)).toEqual(ids(first));
  });
});
