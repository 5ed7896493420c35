// The benchmark's printed tables: medians and ratios, with the targets beside them.
import type { BenchResults } from "./results";

function table(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null ? "–" : typeof cell === "number" ? cell.toLocaleString("en", { maximumFractionDigits: 3 }) : cell)),
  );
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...cells.map(line)].join("\n");
}

const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const { targets } = results;
  out.push(
    `Seed: ${results.seed.tokens.toLocaleString("en")} tokens in ${results.seed.seconds} s (${results.seed.indexSeconds} s of it rebuilding indexes) = ${results.seed.secondsPerMillion} s per million (target: under 60)`,
  );
  out.push(`Login link POST: ${results.linkRedeem.available ? "measured" : `not available (${results.linkRedeem.note})`}`);
  out.push("");
  out.push(`Redemption (median of ${results.options.runs} runs; CPU per successful redemption read from /proc)`);
  out.push(
    table(
      ["kind", "conns", "redeemed/s", "p50 ms", "p99 ms", "app CPU ms", "PG CPU ms", "errors", "× floor"],
      results.redemption.map((r) => [
        r.kind,
        r.connections,
        r.median.perSecond,
        r.median.p50Ms,
        r.median.p99Ms,
        r.median.appCpuMsPerRedemption,
        r.median.pgCpuMsPerRedemption,
        r.errorsTotal,
        r.ratioToFloor,
      ]),
    ),
  );
  out.push("");
  out.push("Targets at 32 connections (API redeem; login link when available):");
  for (const r of results.redemption.filter((row) => row.connections === 32 && (row.kind === "api" || row.kind === "link"))) {
    out.push(
      `  ${r.kind.padEnd(5)} ${r.median.perSecond}/s (≥ ${targets.redemptionsPerSecondAt32}: ${verdict(r.median.perSecond >= targets.redemptionsPerSecondAt32)}), ` +
        `p99 ${r.median.p99Ms} ms (≤ ${targets.p99Ms}: ${verdict(r.median.p99Ms <= targets.p99Ms)}), ` +
        `app CPU ${r.median.appCpuMsPerRedemption} ms (≤ ${targets.appCpuMsPerRedemption}: ${verdict((r.median.appCpuMsPerRedemption ?? Infinity) <= targets.appCpuMsPerRedemption)}), ` +
        `PG CPU ${r.median.pgCpuMsPerRedemption} ms (≤ ${targets.pgCpuMsPerRedemption}: ${verdict(r.median.pgCpuMsPerRedemption <= targets.pgCpuMsPerRedemption)}), ` +
        `errors ${r.errorsTotal} (must be 0: ${verdict(r.errorsTotal === 0)})`,
    );
  }
  const { routeFloor } = results;
  out.push(
    `  for scale, a route that answers at once (405, no key, no database) × ${routeFloor.connections}: ${routeFloor.perSecond}/s, p99 ${routeFloor.p99Ms} ms, app CPU ${routeFloor.appCpuMsPerRequest} ms per request`,
  );
  const rss = results.appRssMbAfterRedemption;
  out.push(
    `  app RSS after the runs: ${rss ?? "–"} MB (≤ ${targets.rssMb}: ${verdict(rss !== null && rss <= targets.rssMb)}); ` +
      `${results.appRssMbAtStart} MB at start, ${results.appRssMbAfterUiTimings} MB after the Chromium timings`,
  );
  out.push("");
  out.push(
    `List views (ms; server = the app's query code in-process, median of ${results.options.listRuns}; SQL = EXPLAIN ANALYZE execution of the same statements; deep = that page by the cursor of the page before it, by offset = by its number)`,
  );
  out.push(
    table(
      ["view", "tokens", "matching", "deep page", "page 1", "SQL", "×", "deep", "SQL", "×", "by offset", "SQL", "API 1", "×", "API deep", "×", "count≤10k"],
      results.listViews.map((v) => [
        v.view,
        v.tokens,
        v.matching,
        v.deepPage,
        v.page1.serverMs,
        v.page1.sqlMs,
        v.page1.ratio,
        v.pageDeep.serverMs,
        v.pageDeep.sqlMs,
        v.pageDeep.ratio,
        v.pageDeepOffset.serverMs,
        v.pageDeepOffset.sqlMs,
        v.api1.serverMs,
        v.api1.ratio,
        v.apiDeep.serverMs,
        v.apiDeep.ratio,
        v.count.serverMs,
      ]),
    ),
  );
  out.push("");
  const { uiTimings } = results;
  out.push(
    `Users > Login Tokens in Chromium, click to result (median of ${uiTimings.runs}): page open ${uiTimings.median.pageOpenMs} ms (≤ ${targets.uiMs}: ${verdict(uiTimings.median.pageOpenMs <= targets.uiMs)}), ` +
      `save ${uiTimings.median.saveMs} ms (≤ ${targets.uiMs}: ${verdict(uiTimings.median.saveMs <= targets.uiMs)}), the dialog gone after its closing animation ${uiTimings.median.saveDialogGoneMs} ms; ` +
      `runs: open ${uiTimings.pageOpenMs.join(", ")}, save ${uiTimings.saveMs.join(", ")}, dialog gone ${uiTimings.saveDialogGoneMs.join(", ")}`,
  );
  out.push("");
  out.push(
    `Users > Contacts, first page of ${results.options.people.toLocaleString("en")} contacts (ms; server = the page's query code in-process, rows, capped count and company name, median of ${results.options.listRuns}; SQL = EXPLAIN ANALYZE execution of its row and count statements)`,
  );
  out.push(
    table(
      ["view", "contacts", "matching", "server ms", "SQL ms", `≤ ${targets.peoplePageMs} ms`],
      results.peopleViews.map((v) => [
        v.view,
        v.contacts,
        `${v.capped ? "> " : ""}${v.matching.toLocaleString("en")}`,
        v.serverMs,
        v.sqlMs,
        verdict(v.serverMs <= targets.peoplePageMs),
      ]),
    ),
  );
  for (const batch of results.peopleBatch) {
    out.push(
      `People batch upserts through POST /api/v1/people/batch (${batch.requests} requests of ${batch.itemsPerRequest.toLocaleString("en")}, half changed and half new contacts, ${batch.connections} at a time): ` +
        `${batch.perSecond.toLocaleString("en")}/s (≥ ${targets.peopleUpsertsPerSecond.toLocaleString("en")}: ${verdict(batch.perSecond >= targets.peopleUpsertsPerSecond)}) in ${batch.seconds} s; ` +
        `created ${batch.created}, updated ${batch.updated}, unchanged ${batch.unchanged}, errors ${batch.errors} (must be 0: ${verdict(batch.errors === 0 && batch.unchanged === 0)}); ` +
        `CPU per 1,000: app ${batch.appCpuMsPer1000} ms, PostgreSQL ${batch.pgCpuMsPer1000} ms; ` +
        `WAL per 1,000: ${batch.walKbPer1000} kB; ` +
        `checkpoints ${batch.checkpoints}, autovacuum ${batch.autovacuum.length ? batch.autovacuum.join(", ") : "none"}`,
    );
  }
  const csv = results.peopleImport;
  out.push(
    `CSV import through POST /users/import as a signed-in editor (${csv.rows.toLocaleString("en")} contacts, ${csv.megabytes} MB, half renamed and half new): ` +
      `${csv.seconds} s (≤ ${targets.peopleImportSeconds} s: ${verdict(csv.seconds <= targets.peopleImportSeconds)}), ${csv.rowsPerSecond.toLocaleString("en")} rows/s; ` +
      `first progress line after ${csv.firstProgressSeconds} s, ${csv.progressLines} in all; created ${csv.created}, updated ${csv.updated}, unchanged ${csv.unchanged}, refused ${csv.refused} (must be 0: ${verdict(csv.refused === 0 && csv.unchanged === 0)})`,
  );
  out.push("");
  const { bulkDelete } = results;
  out.push(
    `Bulk delete of ${bulkDelete.tokens.toLocaleString("en")} tokens: one UPDATE … WHERE id = ANY($1) ${bulkDelete.statementMs} ms; ` +
      `deleteLoginTokens (the same UPDATE and an audit event per token, in one transaction) ${bulkDelete.serviceMs === null ? `failed: ${bulkDelete.serviceError}` : `${bulkDelete.serviceMs} ms`}`,
  );
  return out.join("\n");
}
