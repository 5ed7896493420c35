import { beforeAll, describe, expect, it } from "vitest";
import { LOGIN_TOKEN_SORTS, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import { getLoginTokenDetails, listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { testDb } from "@/test/db";
import { createContact, createCustomer, createStaff, createToken } from "@/test/factories";

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00.000Z");
const at = (iso: string) => new Date(iso);

/** The page the table shows for this query string: the same path the server page takes. */
async function listFor(query: string, options: { countCap?: number } = {}) {
  const params = loadLoginTokensSearchParams(new URLSearchParams(query));
  return listLoginTokens(
    { filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: params.page, perPage: params.perPage },
    { now: NOW, ...options },
  );
}
const idsOf = async (query: string) => (await listFor(query)).rows.map((row) => row.id);

let contact: { id: number; firstName: string; lastName: string };
let customer: { id: number; firstName: string; lastName: string };
/** Tokens with a known answer for every filter, all for `contact` so the filters below can be scoped to them. */
let t: Record<
  | "plain"
  | "expiresSoon"
  | "expiresLater"
  | "neverExpires"
  | "busy"
  | "failing"
  | "oneTime"
  | "old"
  | "updatedLate"
  | "expired"
  | "used"
  | "deleted"
  | "locked",
  string
>;
let scope: string;

beforeAll(async () => {
  contact = await createContact({ firstName: "Quinn", lastName: "Querytest" });
  customer = await createCustomer({ firstName: "Cass", lastName: "Querytest" });
  const userName = `${contact.firstName} ${contact.lastName}`;
  const make = (overrides: Parameters<typeof createToken>[0] = {}) =>
    createToken({ contactId: contact.id, userName, createdAt: at("2026-06-10T10:00:00Z"), expiresAt: at("2026-07-01T00:00:00Z"), ...overrides }).then(
      (token) => token.id,
    );
  t = {
    plain: await make(),
    expiresSoon: await make({ expiresAt: at("2026-06-20T08:00:00Z") }),
    expiresLater: await make({ expiresAt: at("2026-08-20T08:00:00Z") }),
    neverExpires: await make({ expiresAt: null }),
    busy: await make({ successfulAttempts: 7 }),
    failing: await make({ failedAttempts: 4 }),
    oneTime: await make({ oneTimeUse: true }),
    old: await make({ createdAt: at("2026-01-05T09:00:00Z") }),
    updatedLate: await make(),
    expired: await make({ expiresAt: at("2026-06-01T00:00:00Z") }),
    used: await make({ oneTimeUse: true }),
    deleted: await make({ deletedAt: at("2026-06-12T00:00:00Z") }),
    locked: await make(),
  };
  // Stamps the factory does not take.
  await testDb.loginToken.update({
    where: { id: t.used },
    data: { usedAt: at("2026-06-11T00:00:00Z"), successfulAttempts: 1, lastAccessedAt: at("2026-06-11T00:00:00Z") },
  });
  await testDb.loginToken.update({ where: { id: t.locked }, data: { lockedAt: at("2026-06-11T00:00:00Z") } });
  // Last, because every update above stamps updatedAt with the real time.
  await testDb.loginToken.updateMany({ where: { contactId: contact.id }, data: { updatedAt: at("2026-06-10T10:00:00Z") } });
  await testDb.loginToken.update({ where: { id: t.updatedLate }, data: { updatedAt: at("2026-06-14T16:00:00Z") } });
  scope = `user=contact:${contact.id}`;
});

/** Every token but the deleted one: a used-up one-time token stays listed until it is deleted. */
const live = () =>
  Object.entries(t)
    .filter(([name]) => name !== "deleted")
    .map(([, id]) => id);

describe("the Login Tokens list, filtered through its URL", () => {
  it("lists every token of the picked contact but the deleted one, used-up ones included, and counts them exactly", async () => {
    const page = await listFor(scope);
    expect(page.rows.map((row) => row.id).sort()).toEqual(live().sort());
    expect(page).toMatchObject({ total: live().length, totalIsCapped: false });
  });

  it("filters by customer: the contact's tokens are not the customer's", async () => {
    const mine = await createToken({ customerId: customer.id, userName: "Cass Querytest" });
    expect(await idsOf(`user=customer:${customer.id}`)).toEqual([mine.id]);
  });

  it("shows what the screen needs and no secret column", async () => {
    const [row] = (await listFor(`${scope}&ids=${t.busy}`)).rows;
    expect(row).toEqual({
      id: t.busy,
      userName: "Quinn Querytest",
      userType: "CONTACT",
      expiresAt: at("2026-07-01T00:00:00Z"),
      lastAccessedAt: null,
      successfulAttempts: 7,
      failedAttempts: 0,
      oneTimeUse: false,
      maxUses: null,
      extra: null,
      createdAt: at("2026-06-10T10:00:00Z"),
      status: "ACTIVE",
      punchoutBuyer: null,
    });
  });

  it("filters by pasted ids and token values together", async () => {
    const other = await createToken();
    expect((await idsOf(`ids=${t.busy},${other.value}`)).sort()).toEqual([t.busy, other.id].sort());
    expect(await idsOf(`ids=${"x".repeat(43)}`)).toEqual([]);
  });

  it("filters by expiry days, both ends included", async () => {
    expect(await idsOf(`${scope}&expiresFrom=2026-06-20&expiresTo=2026-06-20`)).toEqual([t.expiresSoon]);
    expect(await idsOf(`${scope}&expiresFrom=2026-08-01`)).toEqual([t.expiresLater]);
    expect(await idsOf(`${scope}&expiresTo=2026-06-01`)).toEqual([t.expired]);
  });

  it("filters by creation and update days", async () => {
    expect(await idsOf(`${scope}&createdTo=2026-01-31`)).toEqual([t.old]);
    expect(await idsOf(`${scope}&createdFrom=2026-01-05&createdTo=2026-01-05`)).toEqual([t.old]);
    expect(await idsOf(`${scope}&updatedFrom=2026-06-14`)).toEqual([t.updatedLate]);
  });

  it("reads the days in the time zone the link names, and in UTC when it names none or an unknown one", async () => {
    // `old` was made at 09:00 UTC on 5 January: still 4 January in Honolulu (UTC-10).
    expect(await idsOf(`${scope}&createdFrom=2026-01-04&createdTo=2026-01-04&tz=Pacific/Honolulu`)).toEqual([t.old]);
    expect(await idsOf(`${scope}&createdFrom=2026-01-04&createdTo=2026-01-04`)).toEqual([]);
    expect(await idsOf(`${scope}&createdFrom=2026-01-04&createdTo=2026-01-04&tz=Not/A_Zone`)).toEqual([]);
    expect(await idsOf(`${scope}&createdFrom=2026-01-05&createdTo=2026-01-05&tz=Pacific/Honolulu`)).toEqual([]);
  });

  it.each([
    ["successful=gte:7", "busy"],
    ["successful=gt:6", "busy"],
    ["successful=eq:7", "busy"],
    ["failed=gte:1", "failing"],
    ["failed=eq:4", "failing"],
  ] as const)("filters by attempt counts: %s", async (query, name) => {
    expect(await idsOf(`${scope}&${query}`)).toEqual([t[name]]);
  });

  it("filters by attempt counts below, at most and unequal", async () => {
    const others = live()
      .filter((id) => id !== t.busy && id !== t.used)
      .sort();
    const withUsed = [...others, t.used].sort();
    expect((await idsOf(`${scope}&successful=lt:7`)).sort()).toEqual(withUsed);
    expect((await idsOf(`${scope}&successful=lte:6`)).sort()).toEqual(withUsed);
    expect((await idsOf(`${scope}&successful=ne:7`)).sort()).toEqual(withUsed);
    expect((await idsOf(`${scope}&successful=eq:0`)).sort()).toEqual(others);
  });

  it("filters by one time use, yes or no", async () => {
    expect((await idsOf(`${scope}&oneTimeUse=yes`)).sort()).toEqual([t.oneTime, t.used].sort());
    expect(await idsOf(`${scope}&oneTimeUse=no`)).not.toContain(t.oneTime);
  });

  it("filters by status: Used finds the used-up tokens, the other statuses leave them out", async () => {
    expect(await idsOf(`${scope}&status=expired`)).toEqual([t.expired]);
    expect(await idsOf(`${scope}&status=used`)).toEqual([t.used]);
    expect(await idsOf(`${scope}&status=locked`)).toEqual([t.locked]);
    const active = await idsOf(`${scope}&status=active`);
    expect(active).not.toContain(t.expired);
    expect(active).not.toContain(t.used);
    expect(active).not.toContain(t.deleted);
  });

  it("shows a used-up token in the default list with its Used status, counters and last access", async () => {
    const row = (await listFor(scope)).rows.find((found) => found.id === t.used);
    expect(row).toMatchObject({ status: "USED", successfulAttempts: 1, lastAccessedAt: at("2026-06-11T00:00:00Z") });
  });

  it("combines filters with AND", async () => {
    expect(await idsOf(`${scope}&oneTimeUse=yes&failed=gte:1`)).toEqual([]);
  });

  it("reads bad URL values as their defaults instead of failing", async () => {
    const page = await listFor(`${scope}&page=-3&perPage=7&sort=tokenHash.asc&expiresFrom=not-a-date&failed=between:1&oneTimeUse=maybe`);
    expect(page.total).toBe(live().length);
  });
});

describe("sorting and paging", () => {
  it.each(Object.keys(LOGIN_TOKEN_SORTS) as LoginTokenSortKey[])("sorts by %s both ways, ties broken by id, so pages never overlap", async (key) => {
    const asc = await idsOf(`${scope}&sort=${key}.asc&perPage=100`);
    const desc = await idsOf(`${scope}&sort=${key}.desc&perPage=100`);
    expect(asc).toHaveLength(live().length);
    expect(desc).toEqual([...asc].reverse());
  });

  it("puts the soonest expiry first ascending and never-expiring tokens after every date", async () => {
    const asc = await idsOf(`${scope}&sort=expiresAt.asc&perPage=100`);
    expect(asc[0]).toBe(t.expired);
    expect(asc.at(-1)).toBe(t.neverExpires);
  });

  it("puts the most successful first descending", async () => {
    expect((await idsOf(`${scope}&sort=successfulAttempts.desc`))[0]).toBe(t.busy);
  });

  it("defaults to newest first", async () => {
    expect((await idsOf(scope)).at(-1)).toBe(t.old);
  });

  it("pages through the results without overlap", async () => {
    const all = await idsOf(`${scope}&sort=createdAt.desc&perPage=100`);
    const first = await idsOf(`${scope}&perPage=25&page=1`);
    expect(first).toEqual(all.slice(0, 25));
    const params = loadLoginTokensSearchParams(new URLSearchParams(scope));
    const pageOf5 = async (page: number) =>
      (await listLoginTokens({ filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page, perPage: 5 }, { now: NOW })).rows.map(
        (row) => row.id,
      );
    expect([...(await pageOf5(1)), ...(await pageOf5(2))]).toEqual(all.slice(0, 10));
  });

  it("shows the last page for a page number past the end", async () => {
    const all = await idsOf(`${scope}&perPage=100`);
    const params = loadLoginTokensSearchParams(new URLSearchParams(scope));
    const request = { filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, perPage: 5 };
    const lastPage = Math.ceil(all.length / 5);
    const past = await listLoginTokens({ ...request, page: 50 }, { now: NOW });
    expect(past).toMatchObject({ page: lastPage, total: all.length });
    expect(past.rows.map((row) => row.id)).toEqual(all.slice((lastPage - 1) * 5));
    expect(past.links.next).toBeNull();
    expect(past.links.previous).toMatchObject({ page: lastPage - 1 });
  });

  it("counts exactly up to the cap and says when there are more", async () => {
    expect(await listFor(scope, { countCap: 3 })).toMatchObject({ total: 3, totalIsCapped: true });
    expect(await listFor(scope, { countCap: live().length })).toMatchObject({ total: live().length, totalIsCapped: false });
  });
});

describe("the details of one token", () => {
  it("names the user, the creator and the status, and holds no secret", async () => {
    const staff = await createStaff("editor");
    const token = await createToken({
      customerId: customer.id,
      userName: "Cass Querytest",
      extra: "note",
      createdByStaffId: staff.id,
      expiresAt: new Date(Date.now() + DAY),
    });
    const details = await getLoginTokenDetails(token.id);
    expect(details).toMatchObject({
      id: token.id,
      user: { type: "CUSTOMER", id: customer.id, name: "Cass Querytest" },
      extra: "note",
      createdBy: staff.name,
      status: "ACTIVE",
    });
    expect(JSON.stringify(details)).not.toContain(token.value);
  });

  it("finds nothing for a deleted token", async () => {
    expect(await getLoginTokenDetails(t.deleted)).toBeNull();
  });
});
