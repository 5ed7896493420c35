// Every filter and sort of the Login Tokens table and the API is served by an
// index. On a seeded table, with sequential scans disabled for the
// session, the statements the app's own query code sends are EXPLAINed:
//   - each sort key, both directions: the rows come out of an index in order
//     (no Sort node), so a page stops after its rows;
//   - each filter: its condition is an index condition (so an exact count or
//     a selective view does not read the whole table), and neither its capped
//     count nor its list query in any order scans the table;
//   - the table's cursor (Next and Previous) for each sort key, both
//     directions, from a cursor amid ties, at the end of a run of ties and
//     where the NULLs begin or end: every statement reads index ranges, in
//     order (no Sort node, no table scan);
//   - the API's cursor: the table's seek, index ranges from the cursor onwards.
// The filter samples are typed by LoginTokenFilters and checked against the
// schema's keys, so a new filter fails to compile here until it has samples,
// and then fails this test until it has an index.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturingClient, planNodes, type CapturingClient, type PlanNode } from "@/bench/lib/prisma-capture";
import { listLoginTokensForApi } from "@/lib/api/login-tokens";
import { encodeListCursor } from "@/lib/api/list-cursor";
import { listLoginTokensQuerySchema } from "@/lib/api/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { countLoginTokensCapped } from "@/lib/login-tokens/count";
import { LOGIN_TOKEN_SORTS, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import { loginTokenFiltersSchema, type LoginTokenFilters } from "@/lib/login-tokens/table-filters";
import type { SeekKey } from "@/lib/login-tokens/keyset";
import { findLoginTokenPageRows } from "@/lib/login-tokens/queries";
import { loginTokenOrderBy, loginTokenWhere } from "@/lib/login-tokens/where";
import { seedLargeTokens } from "@/prisma/large-tokens";
import { createOwnDatabase } from "@/test/own-database";
import { testTokenKeys } from "@/test/factories";

const TOKENS = 30_000; // Below seedLargeTokens' bulk threshold, so indexes stay in place while it loads.
const DATABASE = "latchkey_list_plans";
const DAY = 86_400_000;
const now = new Date();

// Their own database: a table of this size would get in the way of the other
// suites' expectations, and they would get in the way of its statistics.
let plansDatabaseUrl = "";
const plansUrl = () => plansDatabaseUrl;

let capture: CapturingClient;
let contactId = 0;
let customerId = 0;
let sampleTokenValue = "";
let sampleTokenId = "";
let punchoutBuyerId = "";

type Samples = { [K in keyof LoginTokenFilters]: Array<LoginTokenFilters[K]> };
const range = (fromDays: number | null, toDays: number | null) => ({
  ...(fromDays === null ? {} : { from: new Date(now.getTime() - fromDays * DAY) }),
  ...(toDays === null ? {} : { to: new Date(now.getTime() - toDays * DAY) }),
});
const conditions = (["eq", "ne", "lt", "lte", "gt", "gte"] as const).map((op) => ({ op, value: 3 }));

function samples(): Samples {
  return {
    ids: [[sampleTokenId], [sampleTokenValue], [sampleTokenId, sampleTokenValue]],
    user: [
      { type: "CONTACT", id: contactId },
      { type: "CUSTOMER", id: customerId },
    ],
    userType: ["CONTACT", "CUSTOMER"],
    expiresAt: [range(30, null), range(null, 300), range(60, 30)],
    createdAt: [range(30, null), range(null, 900), range(60, 30)],
    updatedAt: [range(30, null), range(null, 900), range(60, 30)],
    successfulAttempts: conditions,
    failedAttempts: conditions,
    oneTimeUse: [true, false],
    maxUses: ["once", "limited", "unlimited"],
    punchoutBuyer: [punchoutBuyerId],
    status: ["ACTIVE", "EXPIRED", "USED", "LOCKED"],
  };
}

/**
 * Conditions no B-tree can serve, and that keep nearly every row by their
 * nature: `≠ n`. Only an exact count of them reads the table; their list pages
 * walk the sort's index and skip the few rows that differ, and the page's
 * count is capped, so neither does (checked below like every other filter).
 */
const indexConditionImpossible = (key: keyof LoginTokenFilters, value: unknown) =>
  (key === "successfulAttempts" || key === "failedAttempts") && (value as { op: string }).op === "ne";

const tokenNodes = (plan: PlanNode) => planNodes(plan).filter((node) => node["Relation Name"] === "login_tokens");
const describePlan = (plan: PlanNode) =>
  JSON.stringify(
    planNodes(plan).map((node) => [node["Node Type"], node["Index Name"] ?? node["Relation Name"] ?? "", node["Index Cond"] ?? node["Recheck Cond"] ?? ""]),
  );

/** The plans of the statements on login_tokens that `work` sends. */
async function plansOf(work: () => Promise<unknown>): Promise<PlanNode[]> {
  capture.take();
  await work();
  const statements = capture.take().filter((statement) => /\bFROM\s+"public"\."login_tokens"/i.test(statement.sql));
  expect(statements.length).toBeGreaterThan(0);
  return Promise.all(statements.map(async (statement) => (await capture.explain(statement)).plan));
}

function filtersWith<K extends keyof LoginTokenFilters>(key: K, value: LoginTokenFilters[K]): LoginTokenFilters {
  return { ...loginTokenFiltersSchema.parse({}), [key]: value };
}

function listPage(filters: LoginTokenFilters, sort: { key: LoginTokenSortKey; direction: "asc" | "desc" }, skip = 0) {
  return capture.client.loginToken.findMany({ where: loginTokenWhere(filters, now), orderBy: loginTokenOrderBy(sort), skip, take: 25, select: { id: true } });
}

beforeAll(async () => {
  plansDatabaseUrl = await createOwnDatabase(DATABASE);

  const pool = new pg.Pool({ connectionString: plansUrl(), max: 2 });
  await pool.query(`INSERT INTO companies (id, name) VALUES (1, 'Plans Ltd')`);
  await pool.query(`INSERT INTO contacts (id, company_id, first_name, last_name, email)
    SELECT n, 1, 'Cora', 'Contact ' || n, 'contact' || n || '@plans.test' FROM generate_series(1, 300) n`);
  await pool.query(
    `INSERT INTO customers (id, first_name, last_name, email) SELECT n, 'Cyril', 'Customer ' || n, 'customer' || n || '@plans.test' FROM generate_series(1, 300) n`,
  );
  await seedLargeTokens(pool, { count: TOKENS, keys: testTokenKeys, seed: 7, now });
  // Vacuumed as autovacuum would have done: the visibility map lets small index ranges be read index-only, in order.
  await pool.query("VACUUM ANALYZE");
  const firstId = async <T>(sql: string) => (await pool.query<{ id: T }>(sql)).rows[0]!.id;
  contactId = await firstId<number>("SELECT id FROM contacts ORDER BY id LIMIT 1");
  customerId = await firstId<number>("SELECT id FROM customers ORDER BY id LIMIT 1");
  sampleTokenId = await firstId<string>("SELECT id FROM login_tokens LIMIT 1");
  punchoutBuyerId = await firstId<string>(
    `INSERT INTO punchout_buyers (name, protocol, company_id, oci_username, oci_username_field, oci_password_field, secret_hash, return_origins)
      VALUES ('Plans SRM', 'OCI', 1, 'plans', 'USERNAME', 'PASSWORD', 'x', '{https://srm.plans.test}') RETURNING id`,
  );
  await pool.end();
  // Any well-formed value does: the filter looks it up by its HMAC either way.
  sampleTokenValue = "A".repeat(43);

  capture = await capturingClient(plansUrl(), "-c enable_seqscan=off");
  // The app's services (the API list, the capped count) query through lib/db.ts,
  // which takes its client from here: in this file, the capturing one.
  (globalThis as { prisma?: PrismaClient }).prisma = capture.client;
}, 120_000);

afterAll(async () => {
  delete (globalThis as { prisma?: PrismaClient }).prisma;
  await capture?.close();
});

describe("the filter samples", () => {
  it("cover every filter of LoginTokenFilters", () => {
    expect(Object.keys(samples()).sort()).toEqual(Object.keys(loginTokenFiltersSchema.shape).sort());
  });
});

describe("each sort is read from an index in order", () => {
  const orders = Object.keys(LOGIN_TOKEN_SORTS).flatMap((key) => (["asc", "desc"] as const).map((direction) => ({ key: key as LoginTokenSortKey, direction })));
  it.each(orders)("$key $direction", async (sort) => {
    for (const skip of [0, 2_500]) {
      const [plan] = await plansOf(() => listPage(loginTokenFiltersSchema.parse({}), sort, skip));
      const nodes = planNodes(plan!);
      expect(
        nodes.some((node) => node["Node Type"].includes("Sort")),
        describePlan(plan!),
      ).toBe(false);
      // The page's ids come from the sort's index alone where it covers the filter (index-only).
      expect(
        tokenNodes(plan!).every((node) => ["Index Scan", "Index Only Scan"].includes(node["Node Type"])),
        describePlan(plan!),
      ).toBe(true);
    }
  });
});

describe("each filter is an index condition", () => {
  const keys = Object.keys(loginTokenFiltersSchema.shape) as Array<keyof LoginTokenFilters>;
  it.each(keys)("%s", async (key) => {
    for (const value of samples()[key] as unknown[]) {
      const where = loginTokenWhere(filtersWith(key, value as never), now);
      // The filter alone, with no order or limit to lean on: found through an index.
      const [exactPlan] = await plansOf(() => capture.client.loginToken.count({ where }));
      const label = `${key} ${JSON.stringify(value)}: ${describePlan(exactPlan!)}`;
      if (!indexConditionImpossible(key, value)) {
        expect(
          tokenNodes(exactPlan!).some((node) => node["Node Type"] === "Seq Scan"),
          label,
        ).toBe(false);
        expect(
          tokenNodes(exactPlan!).some((node) => node["Index Cond"] ?? node["Recheck Cond"]),
          label,
        ).toBe(true);
      }
      // The page's capped count may walk any index up to its cap, but never the table.
      const [cappedPlan] = await plansOf(() => countLoginTokensCapped(where));
      expect(
        tokenNodes(cappedPlan!).some((node) => node["Node Type"] === "Seq Scan"),
        `${key} ${JSON.stringify(value)} capped: ${describePlan(cappedPlan!)}`,
      ).toBe(false);
    }
  });
});

describe("each filter with each sort never scans the table", () => {
  const keys = Object.keys(loginTokenFiltersSchema.shape) as Array<keyof LoginTokenFilters>;
  it.each(keys)("%s", async (key) => {
    for (const value of samples()[key] as unknown[]) {
      for (const sortKey of Object.keys(LOGIN_TOKEN_SORTS) as LoginTokenSortKey[]) {
        for (const direction of ["asc", "desc"] as const) {
          const [plan] = await plansOf(() => listPage(filtersWith(key, value as never), { key: sortKey, direction }));
          expect(
            tokenNodes(plan!).some((node) => node["Node Type"] === "Seq Scan"),
            `${key} ${JSON.stringify(value)} by ${sortKey} ${direction}: ${describePlan(plan!)}`,
          ).toBe(false);
        }
      }
    }
  });
});

describe("the table's cursor seeks through index ranges", () => {
  const orders = Object.keys(LOGIN_TOKEN_SORTS).flatMap((key) => (["asc", "desc"] as const).map((direction) => ({ key: key as LoginTokenSortKey, direction })));
  const same = (a: SeekKey, b: SeekKey) => String(a.value) === String(b.value);

  /** Rows to seek from: one deep amid its ties, the last of that run of ties, and the last before the NULLs begin or end. */
  function cursorsOf(keys: SeekKey[]): SeekKey[] {
    const deep = 20_000;
    const endOfTies = keys.findIndex((key, i) => i >= deep && keys[i + 1] !== undefined && !same(key, keys[i + 1]!));
    const nullsTurn = keys.findIndex((key, i) => keys[i + 1] !== undefined && (key.value === null) !== (keys[i + 1]!.value === null));
    return [deep, endOfTies, nullsTurn].filter((i) => i >= 0).map((i) => keys[i]!);
  }

  it.each(orders)("$key $direction", async (sort) => {
    const where = loginTokenWhere(loginTokenFiltersSchema.parse({}), now);
    const { keys } = await findLoginTokenPageRows(where, sort, { kind: "offset", skip: 0 }, TOKENS);
    for (const from of cursorsOf(keys)) {
      const plans = await plansOf(() => findLoginTokenPageRows(where, sort, { kind: "after", key: from }, 25));
      for (const plan of plans) {
        const label = `after ${JSON.stringify(from)}: ${describePlan(plan)}`;
        expect(
          planNodes(plan).some((node) => node["Node Type"].includes("Sort")),
          label,
        ).toBe(false);
        expect(tokenNodes(plan).length, label).toBeGreaterThan(0);
        // The page's ids by index ranges; then its rows by those ids, which may come through a bitmap of the primary key.
        for (const node of tokenNodes(plan)) {
          expect(node["Node Type"], label).not.toBe("Seq Scan");
          expect(node["Index Cond"] ?? node["Recheck Cond"], label).toBeTruthy();
        }
      }
    }
  });
});

describe("the API list", () => {
  it("reads a deep page by cursor as the table's seek: ranges of the (created_at, id) index, in order", async () => {
    const [row] = await capture.client.loginToken.findMany({
      where: { deletedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: 20_000,
      take: 1,
      select: { createdAt: true, id: true },
    });
    const query = listLoginTokensQuerySchema.parse({ cursor: encodeListCursor({ value: row!.createdAt, id: row!.id }) });
    const plans = await plansOf(() => listLoginTokensForApi(query));
    // The cursor's ties first, then the rows past it: each one range of the index, read in its order.
    const seeks = plans.filter((plan) => tokenNodes(plan).some((node) => node["Index Name"] === "login_tokens_created_at_id_idx"));
    expect(seeks.length, plans.map(describePlan).join("\n")).toBeGreaterThan(0);
    for (const plan of seeks) {
      expect(
        tokenNodes(plan).map((node) => [node["Node Type"].replace("Index Only Scan", "Index Scan"), node["Index Name"]]),
        describePlan(plan),
      ).toEqual([["Index Scan", "login_tokens_created_at_id_idx"]]);
      expect(tokenNodes(plan)[0]!["Index Cond"], describePlan(plan)).toMatch(/created_at/);
    }
    for (const plan of plans) {
      expect(
        planNodes(plan).some((node) => node["Node Type"].includes("Sort")),
        describePlan(plan),
      ).toBe(false);
      expect(
        tokenNodes(plan).some((node) => node["Node Type"] === "Seq Scan"),
        describePlan(plan),
      ).toBe(false);
    }
  });
});
