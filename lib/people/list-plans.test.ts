// The people lists (Users > Contacts / Customers and the API's lists) are
// served by indexes, as the token list is (lib/login-tokens/list-plans.test.ts):
// on seeded tables with sequential scans disabled, the SQL the app's own
// query code builds is EXPLAINed for each search, filter and cursor:
//   - no statement reads a whole table (people, companies or login tokens);
//   - without a search, rows come out of an index in name order (no Sort
//     node), so a page stops after its rows, at any depth;
//   - a search by an email, name or company-name prefix is an index condition
//     of every branch of its OR.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planNodes, type PlanNode } from "@/bench/lib/prisma-capture";
import type { PeopleKind, PeopleListQuery } from "@/lib/people/queries";
import { PEOPLE_STATUSES } from "@/lib/people/schemas";
import { companyListSql } from "@/lib/sql/company-list";
import { peopleCountSql } from "@/lib/sql/people-count";
import { peopleListSql } from "@/lib/sql/people-list";
import { createOwnDatabase } from "@/test/own-database";

const PEOPLE = 30_000;
const COMPANIES = 600;
const DATABASE = "latchkey_people_plans";

let pool: pg.Pool;

beforeAll(async () => {
  const url = await createOwnDatabase(DATABASE);
  pool = new pg.Pool({ connectionString: url, max: 2, options: "-c enable_seqscan=off" });
  await pool.query(`INSERT INTO companies (id, name) SELECT n, 'Company ' || n FROM generate_series(1, ${COMPANIES}) n`);
  await pool.query(`INSERT INTO contacts (id, company_id, first_name, last_name, email, deactivated_at)
    SELECT n, 1 + n % ${COMPANIES}, 'First' || (n % 97), 'Last' || n, 'contact' || n || '@plans.test', CASE WHEN n % 50 = 0 THEN now() END
    FROM generate_series(1, ${PEOPLE}) n`);
  await pool.query(`INSERT INTO customers (id, first_name, last_name, email, deactivated_at)
    SELECT n, 'First' || (n % 97), 'Last' || n, 'customer' || n || '@plans.test', CASE WHEN n % 50 = 0 THEN now() END
    FROM generate_series(1, ${PEOPLE}) n`);
  await pool.query(`INSERT INTO login_tokens (token_hash, token_ciphertext, user_type, contact_id, customer_id, user_name)
    SELECT sha256(n::text::bytea), '\\x00', CASE WHEN n % 2 = 0 THEN 'CONTACT' ELSE 'CUSTOMER' END::"UserType",
           CASE WHEN n % 2 = 0 THEN 1 + n % ${PEOPLE} END, CASE WHEN n % 2 = 1 THEN 1 + n % ${PEOPLE} END, 'x'
    FROM generate_series(1, ${PEOPLE}) n`);
  await pool.query("VACUUM ANALYZE");
}, 120_000);

afterAll(async () => {
  await pool?.end();
});

async function planOf(sql: { text: string; values: unknown[] }): Promise<PlanNode> {
  const result = await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
  return result.rows[0]!["QUERY PLAN"][0].Plan;
}

const describePlan = (plan: PlanNode) =>
  JSON.stringify(planNodes(plan).map((node) => [node["Node Type"], node["Index Name"] ?? node["Relation Name"] ?? "", node["Index Cond"] ?? ""]));
const seqScans = (plan: PlanNode) => planNodes(plan).filter((node) => node["Node Type"] === "Seq Scan");
/** The nodes of the outer query, not of the per-row subqueries (which read one person's tokens). */
const sortsOutsideSubPlans = (plan: PlanNode): PlanNode[] =>
  plan["Node Type"] === "Sort" ? [plan] : (plan.Plans ?? []).filter((child) => !("Subplan Name" in child)).flatMap(sortsOutsideSubPlans);

const base: PeopleListQuery = { search: null, companyId: null, status: null, after: null, limit: 25 };
const cursor = { lastName: "Last2000", firstName: "First60", id: 2000 };

const browsing: [string, Partial<PeopleListQuery>][] = [
  ["the first page", {}],
  ["a deep page by cursor", { after: cursor }],
  ...PEOPLE_STATUSES.map((status): [string, Partial<PeopleListQuery>] => [`only ${status}`, { status }]),
  ...PEOPLE_STATUSES.map((status): [string, Partial<PeopleListQuery>] => [`only ${status}, by cursor`, { status, after: cursor }]),
];
const searches: [string, string][] = [
  ["an email prefix", "contact123"],
  ["a full-name prefix", "first5 last"],
  ["a last-name prefix", "last12"],
  ["a company-name prefix", "company 12"],
];

/** Every scan of a people table in the plan, each with an index condition. */
function expectPeopleIndexConditions(plan: PlanNode) {
  expect(seqScans(plan), describePlan(plan)).toEqual([]);
  const scans = planNodes(plan).filter(
    (node) => /Index/.test(node["Node Type"]) && ["contacts", "customers"].some((table) => node["Index Name"]?.startsWith(table)),
  );
  expect(scans.length, describePlan(plan)).toBeGreaterThan(0);
  expect(
    scans.every((node) => node["Index Cond"]),
    describePlan(plan),
  ).toBe(true);
}

describe.each(["contact", "customer"] as PeopleKind[])("the %s list", (kind) => {
  it.each(browsing)("reads %s from an index in name order", async (_, query) => {
    const plan = await planOf(peopleListSql(kind, { ...base, ...query }));
    expect(seqScans(plan), describePlan(plan)).toEqual([]);
    expect(sortsOutsideSubPlans(plan), describePlan(plan)).toEqual([]);
  });

  it.each(searches)("finds by %s through index conditions only", async (_, search) => {
    for (const query of [{ search }, { search, status: "active" as const }, { search, after: cursor }]) {
      expectPeopleIndexConditions(await planOf(peopleListSql(kind, { ...base, ...query })));
    }
  });

  it.each(searches)("counts the matches of %s through index conditions only", async (_, search) => {
    for (const query of [{ search }, { search, status: "active" as const }]) {
      expectPeopleIndexConditions(await planOf(peopleCountSql(kind, { ...base, ...query })));
    }
  });

  // Active people are nearly all rows: their count stops at the cap after as many rows of any scan.
  it.each([{}, { status: "deactivated" as const }])("counts without a search from an index (%o)", async (query) => {
    const plan = await planOf(peopleCountSql(kind, { ...base, ...query }));
    expect(seqScans(plan), describePlan(plan)).toEqual([]);
  });
});

describe("the contacts of one company", () => {
  it.each([{}, { after: cursor }, { status: "active" as const }])("are read in name order from the company's index (%o)", async (query) => {
    const plan = await planOf(peopleListSql("contact", { ...base, companyId: 12, ...query }));
    expect(seqScans(plan), describePlan(plan)).toEqual([]);
    expect(sortsOutsideSubPlans(plan), describePlan(plan)).toEqual([]);
    expect(describePlan(plan)).toContain("contacts_company_id_last_name_first_name_id_idx");
  });

  it.each([{}, { status: "active" as const }])("are counted from the company's index (%o)", async (query) => {
    const plan = await planOf(peopleCountSql("contact", { ...base, companyId: 12, ...query }));
    expect(seqScans(plan), describePlan(plan)).toEqual([]);
    expect(describePlan(plan)).toContain("contacts_company_id");
  });
});

describe("the company list", () => {
  it.each([
    { search: null, afterId: null },
    { search: null, afterId: 300 },
    { search: "company 1", afterId: null },
  ])("never scans the table (%o)", async (query) => {
    const plan = await planOf(companyListSql({ ...query, limit: 25 }));
    expect(seqScans(plan), describePlan(plan)).toEqual([]);
  });
});
