// A CSV import as a staff member makes it: signed in with a password, a
// generated file of contacts posted to POST /users/import of the running app
// (the route behind Users > Contacts > Import), its newline-delimited JSON
// progress read to the final report. Half the rows change the first name of
// existing contacts, half are new ones.
import type pg from "pg";
import { stringify } from "csv-stringify/sync";
import type { ImportReport, ImportStreamLine } from "@/lib/people/import-schema";
import { round } from "./stats";

export interface CsvImportResult {
  rows: number;
  megabytes: number;
  /** From the start of the upload to the report. */
  seconds: number;
  rowsPerSecond: number;
  /** From the start of the upload to the first progress line: the upload and its receipt. */
  firstProgressSeconds: number;
  progressLines: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

/** next-auth's credentials sign-in over HTTP; returns the Cookie header of the session. */
export async function signInWithPassword(origin: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${origin}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signedIn = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  await signedIn.arrayBuffer();
  keep(signedIn);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`Signing in as ${email} gave no session (${signedIn.status} ${signedIn.headers.get("location") ?? ""})`);
  }
  return cookie();
}

const HEADER = ["id", "company_id", "first_name", "last_name", "email"];

/** `rows` contacts as a webshop exports them: the newest existing half renamed, then as many new ones after the highest id. */
async function importFile(pool: pg.Pool, rows: number): Promise<string> {
  const changedRows = Math.floor(rows / 2);
  const { rows: existing } = await pool.query<{ id: number; company_id: number; first_name: string; last_name: string; email: string }>(
    "SELECT id, company_id, first_name, last_name, email FROM contacts ORDER BY id DESC LIMIT $1",
    [changedRows],
  );
  const { rows: companies } = await pool.query<{ id: number }>("SELECT id FROM companies ORDER BY id LIMIT 1000");
  const maxId = existing[0]?.id ?? 0;
  const records: (string | number)[][] = existing.map((row) => [row.id, row.company_id, `${row.first_name}-i`, row.last_name, row.email]);
  for (let n = 1; records.length < rows; n++) {
    const id = maxId + n;
    records.push([id, companies[n % companies.length]!.id, "Imke", `Import ${n % 500}`, `import.${id}@bench.example`]);
  }
  return stringify([HEADER, ...records]);
}

/** Posts the file as the import page does and reads the route's answer to its report. */
export async function measureCsvImport(pool: pg.Pool, options: { origin: string; cookie: string; rows: number }): Promise<CsvImportResult> {
  const csv = Buffer.from(await importFile(pool, options.rows));
  const input = {
    kind: "contact",
    dryRun: false,
    allOrNothing: false,
    fileName: "bench-contacts.csv",
    mapping: { id: 0, companyId: 1, firstName: 2, lastName: 3, email: 4 },
  };
  const started = performance.now();
  const response = await fetch(`${options.origin}/users/import?input=${encodeURIComponent(JSON.stringify(input))}`, {
    method: "POST",
    headers: { cookie: options.cookie, origin: options.origin, "content-type": "text/csv" },
    body: csv,
  });
  if (!response.ok || !response.body) throw new Error(`POST /users/import answered ${response.status}: ${(await response.text()).slice(0, 300)}`);

  let firstProgressSeconds: number | null = null;
  let progressLines = 0;
  let report: ImportReport | null = null;
  let pending = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    pending += decoder.decode(read.value, { stream: true });
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as ImportStreamLine;
      if (line.type === "error") throw new Error(`The import stopped: ${line.message}`);
      if (line.type === "progress") {
        progressLines += 1;
        firstProgressSeconds ??= (performance.now() - started) / 1000;
      } else report = line.report;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (!report) throw new Error("The import's answer ended without a report");
  return {
    rows: report.rows,
    megabytes: round(csv.length / 1024 / 1024, 1),
    seconds: round(seconds),
    rowsPerSecond: round(report.rows / seconds, 0),
    firstProgressSeconds: round(firstProgressSeconds ?? seconds),
    progressLines,
    ...report.counts,
  };
}
