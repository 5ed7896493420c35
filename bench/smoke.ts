// The benchmark's smoke test, a step of `npm test`: the whole of `npm run
// bench` at toy sizes and one-second runs, on its own ports and data folder,
// then a check that it wrote a well-formed results file with every section.
// It asserts nothing about speed; the figures of a toy run mean nothing. It
// reuses the app build of the end-to-end step when no source is newer.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { benchResultsSchema } from "./lib/results";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = "bench/.data/smoke";
const out = `${dataDir}/results.json`;

const run = spawnSync(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    "tsx",
    "bench/run.ts",
    "--tokens",
    "2000",
    "--view-sizes",
    "1000,2000",
    "--duration",
    "1",
    "--runs",
    "1",
    "--connections",
    "2,4",
    "--list-runs",
    "2",
    "--ui-runs",
    "2",
    "--delete",
    "200",
    "--people",
    "2000",
    "--batch-requests",
    "2",
    "--batch-size",
    "100",
    "--import-rows",
    "3000",
    "--port",
    process.env.LATCHKEY_BENCH_PORT ?? "3181",
    "--pg-port",
    process.env.LATCHKEY_BENCH_PG_PORT ?? "54381",
    "--data-dir",
    dataDir,
    "--dist-dir",
    process.env.LATCHKEY_DIST_DIR ?? ".next",
    "--out",
    out,
  ],
  { cwd: root, stdio: "inherit" },
);
if (run.status !== 0) {
  console.error(`bench smoke: the benchmark exited with ${run.status ?? run.signal}`);
  process.exit(1);
}

const results = benchResultsSchema.parse(JSON.parse(readFileSync(path.join(root, out), "utf8")));
const missing = [
  results.redemption.some((row) => row.kind === "api") ? null : "API redemption",
  results.redemption.some((row) => row.kind === "sql-update") ? null : "SQL floor",
  results.listViews.length === 6 * 2 ? null : "12 list view rows",
  results.peopleViews.length === 3 ? null : "the three Users > Contacts views",
  results.peopleBatch.length > 0 && results.peopleBatch.every((batch) => batch.created + batch.updated === 200 && batch.errors === 0)
    ? null
    : "200 batch upserts without errors at each concurrency",
  results.peopleImport.created + results.peopleImport.updated === 3000 && results.peopleImport.progressLines >= 3
    ? null
    : "a 3,000-row CSV import with its progress",
  results.bulkDelete.tokens === 200 && results.bulkDelete.serviceMs !== null ? null : "bulk delete of 200 by statement and by service",
  results.uiTimings.pageOpenMs.length === results.uiTimings.runs && results.uiTimings.saveMs.length === results.uiTimings.runs
    ? null
    : "the page-open and save timings",
].filter(Boolean);
if (missing.length > 0) {
  console.error(`bench smoke: the results lack ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`bench smoke: ${out} is complete`);
