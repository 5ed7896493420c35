// `npm run bench`: builds and starts the production app on its own embedded
// PostgreSQL, seeds tokens in steps (measuring six list views at each size),
// bulk-deletes, seeds the webshop's contacts (measuring Users > Contacts' first
// page), then measures redemption through the API and the login link against
// the raw SQL floor at several concurrencies, and people batch upserts through
// the API. Prints a table and
// writes bench/results.json. Options: see `npm run bench -- --help`.
// Runs with the react-server condition (see package.json) so that the app's
// server-only modules load here as they do in Next.js.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedDb } from "../scripts/lib/embedded-db.mjs";
import { migrate } from "../scripts/lib/migrate.mjs";
import { issueApiKey } from "@/lib/api-keys/keys";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closePool } from "@/lib/pg";
import { hashTokenValue, tokenKeysFrom } from "@/lib/login-tokens/token-crypto";
import { seedLargeTokens } from "@/prisma/large-tokens";
import demoStaff from "@/prisma/demo-staff.json" with { type: "json" };
import { DEMO_EDITOR_EMAIL, seedDemoData } from "@/prisma/seed-demo";
import { buildApp, buildIsFresh, startApp, type AppServer } from "./lib/app-server";
import { measureBulkDelete } from "./lib/bulk-delete";
import { linkFormBodies, linkRedeemExists } from "./lib/link-form";
import { measureBatchUpserts, measurePeopleViews, seedPeople } from "./lib/people";
import { measureCsvImport, signInWithPassword } from "./lib/people-import";
import { measureView, typicalViews, type ViewResult } from "./lib/list-views";
import { capturingClient } from "./lib/prisma-capture";
import { treeCpuMs, treeRssMb } from "./lib/process-tree";
import { runRedeemLoad, type TargetConfig } from "./lib/redeem-load";
import { runRouteFloor } from "./lib/route-floor";
import { issueRedeemableTokens } from "./lib/redeemable-tokens";
import { measureUiTimings } from "./lib/ui-timing";
import { formatReport } from "./lib/report";
import { benchResultsSchema, TARGETS, type BenchResults, type RedeemKind } from "./lib/results";
import { driveSql } from "./lib/sql-floor";
import { median, percentile, ratio, round } from "./lib/stats";

const root = path.resolve(import.meta.dirname, "..");
const numbers = (text: string) => text.split(",").map((part) => Number(part.trim()));

const { values: args } = parseArgs({
  options: {
    tokens: { type: "string", default: "1000000" },
    "view-sizes": { type: "string", default: "10000,100000,1000000" },
    duration: { type: "string", default: "6" },
    runs: { type: "string", default: "3" },
    connections: { type: "string", default: "8,32" },
    "list-runs": { type: "string", default: "7" },
    "ui-runs": { type: "string", default: "7" },
    delete: { type: "string", default: "10000" },
    people: { type: "string", default: "1000000" },
    "batch-requests": { type: "string", default: "40" },
    "batch-size": { type: "string", default: "1000" },
    "batch-connections": { type: "string", default: "2,4" },
    "import-rows": { type: "string", default: "100000" },
    port: { type: "string", default: process.env.LATCHKEY_BENCH_PORT ?? "3180" },
    "pg-port": { type: "string", default: process.env.LATCHKEY_BENCH_PG_PORT ?? "54380" },
    "data-dir": { type: "string", default: "bench/.data/run" },
    "dist-dir": { type: "string", default: ".next-bench" },
    out: { type: "string", default: "bench/results.json" },
    rebuild: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--tokens 1000000] [--view-sizes 10000,100000,1000000] [--duration 6] [--runs 3]
  [--connections 8,32] [--list-runs 7] [--ui-runs 7] [--delete 10000] [--people 1000000] [--batch-requests 40]
  [--batch-size 1000] [--batch-connections 2,4] [--import-rows 100000] [--port 3180] [--pg-port 54380]
  [--data-dir bench/.data/run] [--dist-dir .next-bench] [--out bench/results.json] [--rebuild]
  [--profile: write a V8 CPU profile of the app into the data folder]`);
  process.exit(0);
}

const options = {
  tokens: Number(args.tokens),
  viewSizes: numbers(args["view-sizes"]!).filter((size) => size <= Number(args.tokens)),
  durationSeconds: Number(args.duration),
  runs: Number(args.runs),
  connections: numbers(args.connections!),
  listRuns: Number(args["list-runs"]),
  uiRuns: Number(args["ui-runs"]),
  deleteCount: Number(args.delete),
  people: Number(args.people),
  batchRequests: Number(args["batch-requests"]),
  batchSize: Number(args["batch-size"]),
  batchConnections: numbers(args["batch-connections"]!),
  importRows: Number(args["import-rows"]),
};
const port = Number(args.port);
const dataDir = path.resolve(root, args["data-dir"]!);
const distDir = args["dist-dir"]!;

const say = (line: string) => console.log(`[bench] ${line}`);

// Redemptions per second assumed before the first run of each kind; each run
// then sizes its token list from the previous run's rate, so a run lasts about --duration.
const rateGuess: Record<RedeemKind, number> = { api: 400, link: 300, "sql-update": 4000, "sql-redeem-statement": 2000 };

type RedeemRun = BenchResults["redemption"][number]["runs"][number];

function postmasterPid(pgDataDir: string): number {
  return Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

async function main() {
  const startedAt = new Date();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  if (args.rebuild || !buildIsFresh(root, distDir)) {
    say(`building the production app into ${distDir}…`);
    const started = performance.now();
    buildApp(root, distDir, path.join(dataDir, "build.log"));
    say(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } else {
    say(`reusing the build in ${distDir} (no source is newer; --rebuild forces one)`);
  }

  const pgDataDir = path.join(dataDir, "postgres");
  const database = await startEmbeddedDb({ dataDir: pgDataDir, port: Number(args["pg-port"]), database: "latchkey_bench", tuned: true });
  let app: AppServer | undefined;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // pool.end() resolves before its connections have closed; the server's stop right after may still reach one.
  pool.on("error", () => {});
  const capture = await capturingClient(database.url);
  try {
    await migrate(database.url);
    // Fresh secrets per run: the bench's tokens are worthless anywhere else.
    const secrets = {
      // The app reaches PostgreSQL as the launcher starts it: through the Unix socket.
      DATABASE_URL: database.socketUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      TOKEN_HMAC_KEY: randomBytes(32).toString("base64"),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    Object.assign(process.env, secrets, { APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "silent" });
    const keys = tokenKeysFrom(secrets.TOKEN_HMAC_KEY, secrets.TOKEN_ENCRYPTION_KEY);
    // The app's modules (lib/db.ts) take the client from here, so this process
    // runs their queries through the capturing client and can EXPLAIN them.
    (globalThis as { prisma?: PrismaClient }).prisma = capture.client;

    const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    await seedDemoData(seedClient, keys);
    await seedClient.$disconnect();
    const { rows: settings } = await pool.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'work_mem', 'max_connections', 'server_version')",
    );
    const { rows: contactRows } = await pool.query<{ contact_id: number }>(
      "SELECT contact_id FROM login_tokens WHERE contact_id IS NOT NULL GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1",
    );

    // Seed in steps, measuring the list views at each size.
    const now = new Date();
    const views = typicalViews(now, contactRows[0]?.contact_id ?? 1);
    const listViews: ViewResult[] = [];
    let seeded = 0;
    let seedMs = 0;
    let seedIndexMs = 0;
    for (const size of [...new Set([...options.viewSizes, options.tokens])].sort((a, b) => a - b)) {
      const count = size - seeded;
      if (count > 0) {
        const { inserted, ms, indexMs } = await seedLargeTokens(pool, {
          count,
          keys,
          now,
          seed: size,
          onProgress: (done) => process.stdout.write(`\r[bench] seeding ${(seeded + done).toLocaleString("en")} / ${size.toLocaleString("en")} tokens`),
        });
        process.stdout.write("\n");
        seeded += inserted;
        seedMs += ms;
        seedIndexMs += indexMs;
        // A small load keeps its indexes and skips the seed's own ANALYZE; the views are measured on fresh statistics either way.
        await pool.query("ANALYZE login_tokens");
      }
      if (!options.viewSizes.includes(size)) continue;
      say(`list views at ${size.toLocaleString("en")} tokens…`);
      for (const view of views) listViews.push(await measureView(capture, view, size, options.listRuns, now));
    }

    say(`bulk delete of ${options.deleteCount.toLocaleString("en")} tokens…`);
    const bulkDelete = await measureBulkDelete(pool, options.deleteCount);

    const peopleSeedSeconds = await seedPeople(pool, options.people, (done) =>
      process.stdout.write(`\r[bench] seeding ${done.toLocaleString("en")} / ${options.people.toLocaleString("en")} contacts`),
    );
    process.stdout.write("\n");
    say(`contacts seeded in ${round(peopleSeedSeconds, 1)} s; Users > Contacts' first page…`);
    const peopleViews = await measurePeopleViews(pool, options.people, options.listRuns);

    const apiKey = issueApiKey();
    await pool.query("INSERT INTO api_keys (name, prefix, key_hash) VALUES ('benchmark', $1, $2)", [apiKey.prefix, Buffer.from(apiKey.keyHash)]);

    say("starting the app…");
    app = await startApp({
      root,
      distDir,
      port,
      env: { ...secrets, LOG_LEVEL: "warn" },
      logFile: path.join(dataDir, "app.log"),
      nodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${dataDir}`] : [],
    });
    const started = app;
    const appRssMbAtStart = round(treeRssMb(started.pid), 0);
    const pgPid = postmasterPid(pgDataDir);
    const linkAvailable = await linkRedeemExists(started.origin);
    const linkRedeem = {
      available: linkAvailable,
      note: linkAvailable ? "POST /login/token/redeem answered" : "POST /login/token/redeem answers 404 in this build",
    };
    const targetConfig = (target: "api" | "link"): TargetConfig => ({ target, origin: started.origin, apiKey: apiKey.key });

    // Before any redemption load, on the largest table: what a staff member waits for.
    say(`timing Users > Login Tokens in Chromium (${options.uiRuns} runs)…`);
    const { rows: editable } = await pool.query<{ id: string }>(
      "SELECT id FROM login_tokens WHERE deleted_at IS NULL AND used_at IS NULL AND locked_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1",
    );
    const uiTimings = await measureUiTimings({
      origin: started.origin,
      email: DEMO_EDITOR_EMAIL,
      password: demoStaff.password,
      tokenId: editable[0]!.id,
      runs: options.uiRuns,
    });
    const appRssMbAfterUiTimings = round(treeRssMb(started.pid), 0);
    say(`page open ${uiTimings.median.pageOpenMs} ms, save ${uiTimings.median.saveMs} ms, dialog gone ${uiTimings.median.saveDialogGoneMs} ms (medians)`);

    // Warm-up, not recorded: JIT, prepared statements, connection pools.
    say("warming up…");
    await runRedeemLoad(targetConfig("api"), await issueRedeemableTokens(pool, keys, 2000), 8);

    const kinds: RedeemKind[] = ["api", ...(linkAvailable ? (["link"] as const) : []), "sql-update", "sql-redeem-statement"];
    const runsOf = new Map<string, RedeemRun[]>();
    for (const connections of options.connections) {
      for (let run = 1; run <= options.runs; run++) {
        for (const kind of kinds) {
          const count = Math.max(200, Math.ceil(rateGuess[kind] * options.durationSeconds));
          const values = await issueRedeemableTokens(pool, keys, count + connections);
          const config = kind === "link" ? { ...targetConfig("link"), formBodies: await linkFormBodies(started.origin, values) } : targetConfig("api");
          const hashes = kind.startsWith("sql") ? values.map((value) => Buffer.from(hashTokenValue(value, keys))) : [];
          const appBefore = treeCpuMs(started.pid);
          const pgBefore = treeCpuMs(pgPid);
          let outcome: { successes: number; errors: number; seconds: number; p50Ms: number; p99Ms: number };
          if (kind === "api" || kind === "link") {
            outcome = await runRedeemLoad(config, values, connections);
          } else {
            const driven = await driveSql(database.socketUrl, kind === "sql-update" ? "update" : "redeem-statement", hashes, connections);
            outcome = { ...driven, p50Ms: percentile(driven.latenciesMs, 50), p99Ms: percentile(driven.latenciesMs, 99) };
          }
          const appCpu = treeCpuMs(started.pid) - appBefore;
          const pgCpu = treeCpuMs(pgPid) - pgBefore;
          const per = (ms: number) => (outcome.successes > 0 ? round(ms / outcome.successes, 3) : Number.NaN);
          const result: RedeemRun = {
            ...outcome,
            seconds: round(outcome.seconds),
            perSecond: round(outcome.successes / outcome.seconds, 0),
            p50Ms: round(outcome.p50Ms),
            p99Ms: round(outcome.p99Ms),
            appCpuMsPerRedemption: kind.startsWith("sql") ? null : per(appCpu),
            pgCpuMsPerRedemption: per(pgCpu),
          };
          if (result.perSecond > 0) rateGuess[kind] = result.perSecond;
          runsOf.set(`${kind}:${connections}`, [...(runsOf.get(`${kind}:${connections}`) ?? []), result]);
          say(`${kind} × ${connections} run ${run}: ${result.perSecond}/s p99 ${result.p99Ms} ms, errors ${result.errors}`);
        }
      }
    }
    const appRssMbAfterRedemption = round(treeRssMb(started.pid), 0);

    const topConnections = Math.max(...options.connections);
    const routeRuns = [];
    for (let run = 1; run <= options.runs; run++) {
      const amount = Math.max(200, Math.ceil(rateGuess.api * 2 * options.durationSeconds));
      const before = treeCpuMs(started.pid);
      const floor = await runRouteFloor(started.origin, topConnections, amount);
      routeRuns.push({ ...floor, appCpuMsPerRequest: floor.requests > 0 ? (treeCpuMs(started.pid) - before) / floor.requests : Number.NaN });
    }
    const routeFloor = {
      connections: topConnections,
      perSecond: round(median(routeRuns.map((run) => run.perSecond)), 0),
      p99Ms: round(median(routeRuns.map((run) => run.p99Ms))),
      appCpuMsPerRequest: round(median(routeRuns.map((run) => run.appCpuMsPerRequest)), 3),
      errorsTotal: routeRuns.reduce((sum, run) => sum + run.errors, 0),
    };

    const peopleBatch: BenchResults["peopleBatch"] = [];
    for (const connections of options.batchConnections) {
      say(`people batch upserts (${options.batchRequests} × ${options.batchSize}, ${connections} at a time)…`);
      const batch = await measureBatchUpserts(pool, {
        origin: started.origin,
        apiKey: apiKey.key,
        contacts: options.people,
        requests: options.batchRequests,
        itemsPerRequest: options.batchSize,
        connections,
        appPid: started.pid,
        pgPid,
      });
      say(`${batch.perSecond}/s, errors ${batch.errors}`);
      peopleBatch.push(batch);
    }
    say(`CSV import of ${options.importRows.toLocaleString("en")} contacts through POST /users/import…`);
    const peopleImport = await measureCsvImport(pool, {
      origin: started.origin,
      cookie: await signInWithPassword(started.origin, DEMO_EDITOR_EMAIL, demoStaff.password),
      rows: options.importRows,
    });
    say(`${peopleImport.seconds} s, ${peopleImport.rowsPerSecond} rows/s, refused ${peopleImport.refused}`);

    const redemption = options.connections.flatMap((connections) =>
      kinds.map((kind) => {
        const runs = runsOf.get(`${kind}:${connections}`) ?? [];
        const med = (pick: (run: RedeemRun) => number | null) => {
          const values = runs.map(pick).filter((value): value is number => value !== null && Number.isFinite(value));
          return values.length ? round(median(values), 3) : null;
        };
        const floor = median((runsOf.get(`sql-update:${connections}`) ?? []).map((run) => run.perSecond));
        const perSecond = med((run) => run.perSecond) ?? 0;
        return {
          kind,
          connections,
          runs,
          median: {
            perSecond,
            p50Ms: med((run) => run.p50Ms) ?? 0,
            p99Ms: med((run) => run.p99Ms) ?? 0,
            appCpuMsPerRedemption: med((run) => run.appCpuMsPerRedemption),
            pgCpuMsPerRedemption: med((run) => run.pgCpuMsPerRedemption) ?? 0,
          },
          errorsTotal: runs.reduce((sum, run) => sum + run.errors, 0),
          ratioToFloor: ratio(perSecond, floor),
        };
      }),
    );

    const setting = (name: string) => settings.find((row) => row.name === name)?.setting ?? "";
    const results: BenchResults = benchResultsSchema.parse({
      startedAt: startedAt.toISOString(),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        postgres: setting("server_version"),
        postgresSettings: Object.fromEntries(settings.filter((row) => row.name !== "server_version").map((row) => [row.name, row.setting])),
      },
      options,
      seed: {
        tokens: seeded,
        seconds: round(seedMs / 1000, 1),
        indexSeconds: round(seedIndexMs / 1000, 1),
        secondsPerMillion: round((seedMs / 1000) * (1_000_000 / seeded), 1),
      },
      linkRedeem,
      redemption,
      appRssMbAfterRedemption,
      appRssMbAtStart,
      appRssMbAfterUiTimings,
      routeFloor,
      listViews,
      uiTimings,
      peopleViews,
      peopleBatch,
      peopleImport,
      bulkDelete,
      targets: TARGETS,
    });
    writeFileSync(path.resolve(root, args.out!), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${formatReport(results)}\n`);
    say(`results written to ${args.out}`);
  } finally {
    await app?.stop();
    await capture.close();
    await closePool();
    await pool.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
