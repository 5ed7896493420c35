// The shape of bench/results.json, checked before it is written (and by the
// smoke test after), so that a figure can never silently go missing.
import { z } from "zod";

const timing = z.object({ serverMs: z.number(), sqlMs: z.number(), ratio: z.number().nullable() });

export const REDEEM_KINDS = ["api", "link", "sql-update", "sql-redeem-statement"] as const;

/** How much of a timed run failed, how long it took and what it sustained. */
const throughput = { errors: z.number().int(), seconds: z.number(), perSecond: z.number() };

const redeemRun = z.object({
  successes: z.number().int(),
  ...throughput,
  p50Ms: z.number(),
  p99Ms: z.number(),
  appCpuMsPerRedemption: z.number().nullable(),
  pgCpuMsPerRedemption: z.number(),
});

export const benchResultsSchema = z.object({
  startedAt: z.iso.datetime(),
  machine: z.object({ cpus: z.number().int(), node: z.string(), postgres: z.string(), postgresSettings: z.record(z.string(), z.string()) }),
  options: z.object({
    tokens: z.number().int(),
    viewSizes: z.array(z.number().int()),
    durationSeconds: z.number(),
    runs: z.number().int(),
    connections: z.array(z.number().int()),
    listRuns: z.number().int(),
    uiRuns: z.number().int(),
    deleteCount: z.number().int(),
    people: z.number().int(),
    batchRequests: z.number().int(),
    batchSize: z.number().int(),
    batchConnections: z.array(z.number().int()),
    importRows: z.number().int(),
  }),
  /** All seed steps together; `indexSeconds` is the part spent rebuilding indexes after bulk loads. */
  seed: z.object({ tokens: z.number().int(), seconds: z.number(), indexSeconds: z.number(), secondsPerMillion: z.number() }),
  linkRedeem: z.object({ available: z.boolean(), note: z.string() }),
  redemption: z.array(
    z.object({
      kind: z.enum(REDEEM_KINDS),
      connections: z.number().int(),
      runs: z.array(redeemRun),
      median: redeemRun.omit({ successes: true, errors: true, seconds: true }),
      errorsTotal: z.number().int(),
      /** Median redemptions/s over the bare UPDATE floor's at the same concurrency. */
      ratioToFloor: z.number().nullable(),
    }),
  ),
  appRssMbAfterRedemption: z.number().nullable(),
  /** Where the app's memory grew: when it answered its first health check, and after the Chromium timings of Login Tokens. */
  appRssMbAtStart: z.number(),
  appRssMbAfterUiTimings: z.number(),
  /** A route that answers at once (405, no key, no database): Next.js's share of every request. */
  routeFloor: z.object({
    connections: z.number().int(),
    perSecond: z.number(),
    p99Ms: z.number(),
    appCpuMsPerRequest: z.number(),
    errorsTotal: z.number().int(),
  }),
  listViews: z.array(
    z.object({
      view: z.string(),
      tokens: z.number().int(),
      matching: z.number().int(),
      deepPage: z.number().int(),
      page1: timing,
      /** Reached by the previous page's cursor, as the table's Next does. */
      pageDeep: timing,
      /** Reached by OFFSET, as a typed URL does. */
      pageDeepOffset: timing,
      api1: timing,
      apiDeep: timing,
      count: timing,
    }),
  ),
  /** Users > Login Tokens in Chromium, from the click to the result (bench/lib/ui-timing.ts), in milliseconds. */
  uiTimings: z.object({
    runs: z.number().int(),
    pageOpenMs: z.array(z.number()),
    saveMs: z.array(z.number()),
    saveDialogGoneMs: z.array(z.number()),
    median: z.object({ pageOpenMs: z.number(), saveMs: z.number(), saveDialogGoneMs: z.number() }),
  }),
  /** Users > Contacts' first page (bench/lib/people.ts), server = peoplePageByNumber in-process, SQL = EXPLAIN ANALYZE of its row and count statements. */
  peopleViews: z.array(
    z.object({
      view: z.string(),
      contacts: z.number().int(),
      matching: z.number().int(),
      capped: z.boolean(),
      serverMs: z.number(),
      sqlMs: z.number(),
    }),
  ),
  /** POST /api/v1/people/batch against the running app, half changed and half new contacts per request; one row per --batch-connections. */
  peopleBatch: z.array(
    z.object({
      requests: z.number().int(),
      itemsPerRequest: z.number().int(),
      connections: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      ...throughput,
      appCpuMsPer1000: z.number(),
      pgCpuMsPer1000: z.number(),
      walKbPer1000: z.number(),
      checkpoints: z.number().int(),
      autovacuum: z.array(z.string()),
    }),
  ),
  /** A generated CSV of contacts through POST /users/import as a signed-in editor (bench/lib/people-import.ts), upload to report. */
  peopleImport: z.object({
    rows: z.number().int(),
    megabytes: z.number(),
    seconds: z.number(),
    rowsPerSecond: z.number(),
    firstProgressSeconds: z.number(),
    progressLines: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    refused: z.number().int(),
  }),
  bulkDelete: z.object({ tokens: z.number().int(), statementMs: z.number(), serviceMs: z.number().nullable(), serviceError: z.string().nullable() }),
  targets: z.object({
    redemptionsPerSecondAt32: z.number(),
    p99Ms: z.number(),
    appCpuMsPerRedemption: z.number(),
    pgCpuMsPerRedemption: z.number(),
    rssMb: z.number(),
    uiMs: z.number(),
    peoplePageMs: z.number(),
    peopleUpsertsPerSecond: z.number(),
    peopleImportSeconds: z.number(),
  }),
});

export type BenchResults = z.infer<typeof benchResultsSchema>;
export type RedeemKind = (typeof REDEEM_KINDS)[number];

/** The targets for a redemption at 32 connections on this 2-core machine. */
export const TARGETS: BenchResults["targets"] = {
  redemptionsPerSecondAt32: 1200,
  p99Ms: 40,
  appCpuMsPerRedemption: 0.8,
  pgCpuMsPerRedemption: 0.4,
  rssMb: 200,
  uiMs: 400,
  peoplePageMs: 50,
  peopleUpsertsPerSecond: 20_000,
  peopleImportSeconds: 30,
};
