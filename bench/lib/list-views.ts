// Six typical views of the Login Tokens table and the API list, each timed in
// this process through the app's own query code (median of several runs) and
// beside it the PostgreSQL execution time of exactly the SQL that code sent
// (EXPLAIN ANALYZE of the captured statements), at page 1 and deep. The
// deep page is reached as the table reaches it, by the cursor of the page
// before it, and for comparison by its number (OFFSET), as a typed URL does.
import { filtersOf, listLoginTokensForApi } from "@/lib/api/login-tokens";
import { encodeListCursor } from "@/lib/api/list-cursor";
import { listLoginTokensQuerySchema } from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { countLoginTokensCapped } from "@/lib/login-tokens/count";
import type { LoginTokenSort } from "@/lib/login-tokens/filters";
import { decodePageCursor, encodePageCursor } from "@/lib/login-tokens/page-cursor";
import { findLoginTokenPageRows, type PageStart } from "@/lib/login-tokens/queries";
import { loginTokenOrderBy, loginTokenWhere } from "@/lib/login-tokens/where";
import type { CapturingClient } from "./prisma-capture";
import { median, ratio, round } from "./stats";

const PAGE_SIZE = 25;
/** The page the issue names: page 10,000 of 25 rows. */
const DEEP_PAGE = 10_000;

export interface ListView {
  name: string;
  /** The view's filters as API query parameters, parsed by the API's own schema. */
  query: Record<string, string>;
  sort: LoginTokenSort;
}

export function typicalViews(now: Date, contactId: number): ListView[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return [
    { name: "newest first", query: {}, sort: { key: "createdAt", direction: "desc" } },
    { name: "one contact's tokens", query: { contactId: String(contactId) }, sort: { key: "createdAt", direction: "desc" } },
    { name: "one-time, expiring first", query: { oneTimeUse: "true" }, sort: { key: "expiresAt", direction: "asc" } },
    { name: "≥3 failed, most failed first", query: { failedAttempts: "gte:3" }, sort: { key: "failedAttempts", direction: "desc" } },
    { name: "customers by name", query: { userType: "CUSTOMER" }, sort: { key: "name", direction: "asc" } },
    { name: "created in 90 days, last accessed", query: { createdAtFrom: daysAgo(90) }, sort: { key: "lastAccessedAt", direction: "desc" } },
  ];
}

export interface Timing {
  serverMs: number;
  sqlMs: number;
  ratio: number | null;
}

export interface ViewResult {
  view: string;
  tokens: number;
  matching: number;
  deepPage: number;
  page1: Timing;
  /** By the cursor of the page before's last row, as the table's Next does. */
  pageDeep: Timing;
  /** By its number, as a typed URL does. */
  pageDeepOffset: Timing;
  api1: Timing;
  apiDeep: Timing;
  /** The page's capped count (exact up to 10,000). */
  count: Timing;
}

/**
 * The page's rows alone (listLoginTokens reads them beside the count, which
 * is timed on its own), through the page's own query code, so its
 * statements and plans are the page's.
 */
function pageQuery(view: ListView, now: Date, start: PageStart) {
  const where = loginTokenWhere(filtersOf(listLoginTokensQuerySchema.parse(view.query)), now);
  return findLoginTokenPageRows(where, view.sort, start, PAGE_SIZE);
}

async function time(capture: CapturingClient, runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work(); // Warm: plans cached, pages in shared buffers, code compiled.
  capture.take();
  const serverMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    serverMs.push(performance.now() - started);
  }
  // Every run sends the same statements; one run's worth is explained.
  const statements = capture.take();
  const perRun = statements.length / runs;
  const sqlMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let total = 0;
    for (const statement of statements.slice(0, perRun)) total += (await capture.explain(statement, { analyze: true })).executionMs ?? 0;
    sqlMs.push(total);
  }
  const server = median(serverMs);
  const sql = median(sqlMs);
  return { serverMs: round(server), sqlMs: round(sql, 3), ratio: ratio(server, sql) };
}

export async function measureView(capture: CapturingClient, view: ListView, tokens: number, runs: number, now: Date): Promise<ViewResult> {
  const filters = filtersOf(listLoginTokensQuerySchema.parse(view.query));
  const where = loginTokenWhere(filters, now);
  const matching = await db.loginToken.count({ where });
  const deepPage = Math.max(1, Math.min(DEEP_PAGE, Math.floor((matching - 1) / PAGE_SIZE)));
  const deepSkip = (deepPage - 1) * PAGE_SIZE;
  // The URL the page before's Next link leads to, read back as the server page reads it.
  const [beforeDeep] = (await findLoginTokenPageRows(where, view.sort, { kind: "offset", skip: Math.max(0, deepSkip - 1) }, 1)).keys;
  const cursor = beforeDeep && deepSkip > 0 ? decodePageCursor(encodePageCursor("after", view.sort, beforeDeep), view.sort) : null;
  const deepByNumber: PageStart = { kind: "offset", skip: deepSkip };
  // The API's cursor after the same number of rows, in the API's order.
  const [before] = await db.loginToken.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: Math.max(0, deepSkip - 1),
    take: 1,
    select: { createdAt: true, id: true },
  });
  const deepQuery = before ? { ...view.query, cursor: encodeListCursor({ value: before.createdAt, id: before.id }) } : view.query;

  return {
    view: view.name,
    tokens,
    matching,
    deepPage,
    page1: await time(capture, runs, () => pageQuery(view, now, { kind: "offset", skip: 0 })),
    pageDeep: await time(capture, runs, () => pageQuery(view, now, cursor ?? deepByNumber)),
    pageDeepOffset: await time(capture, runs, () => pageQuery(view, now, deepByNumber)),
    api1: await time(capture, runs, () => listLoginTokensForApi(listLoginTokensQuerySchema.parse(view.query))),
    apiDeep: await time(capture, runs, () => listLoginTokensForApi(listLoginTokensQuerySchema.parse(deepQuery))),
    count: await time(capture, runs, () => countLoginTokensCapped(where, { orderBy: loginTokenOrderBy(view.sort) })),
  };
}
