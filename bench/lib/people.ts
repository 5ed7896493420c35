// The webshop's people at scale: contacts seeded with generate_series (ids
// are the webshop's, so the seed names them), the first page of Users >
// Contacts for three typical searches timed through the page's own query code
// beside the PostgreSQL execution time of its statements, and upserts per
// second through POST /api/v1/people/batch against the running app.
import type pg from "pg";
import { peoplePageByNumber, type PeopleListQuery } from "@/lib/people/queries";
import { peopleCountSql } from "@/lib/sql/people-count";
import { peopleListSql } from "@/lib/sql/people-list";
import { treeCpuMs } from "./process-tree";
import { median, round } from "./stats";

const FIRST_COMPANY_ID = 1_000_000;
const FIRST_CONTACT_ID = 10_000_000;
const CONTACTS_PER_COMPANY = 100;
const SEED_CHUNK = 100_000;
const PAGE_SIZE = 25;
/**
 * Not counted: the app's JIT (the first requests validate far slower than a
 * sync that runs all day), prepared plans, and the database connections each
 * parallel stream uses: a new PostgreSQL backend maps each page of the shared
 * buffers on its first touch, which an index-heavy upsert pays on most of
 * its pages until the backend has run a few batches.
 */
const WARM_UP_REQUESTS_PER_STREAM = 3;

const FIRST_NAMES = ["Anna", "Bram", "Cora", "Daan", "Eva", "Finn", "Gijs", "Hanna", "Iris", "Joris", "Kim", "Lars", "Mila", "Noah", "Olga", "Pim"];
const LAST_ROOTS = ["Jans", "Bakk", "Viss", "Smit", "Meij", "Muld", "Bos", "Vos", "Pet", "Hend", "Dekk", "Brouw", "Dijk", "Verm", "Kok", "Jac"];
const LAST_ENDINGS = ["en", "er", "ma", "sen", "ink", "stra", "ing", "um", "ers", "huis"];
const LAST_NAMES = LAST_ROOTS.flatMap((root) => LAST_ENDINGS.map((ending) => `${root}${ending}`));

/** The filters of the Contacts page, as peoplePageByNumber takes them. */
interface PeopleView {
  name: string;
  filters: { search: string | null; companyId: number | null; status: null };
}

/** A rep types the start of a first and last name or of an email; a company's page lists its contacts. */
const PEOPLE_VIEWS: PeopleView[] = [
  { name: "name prefix “cora jans”", filters: { search: "cora jans", companyId: null, status: null } },
  { name: "email prefix “cora.jansen”", filters: { search: "cora.jansen", companyId: null, status: null } },
  { name: "one company", filters: { search: null, companyId: FIRST_COMPANY_ID + 42, status: null } },
];

export interface PeopleViewResult {
  view: string;
  contacts: number;
  matching: number;
  capped: boolean;
  serverMs: number;
  sqlMs: number;
}

export interface BatchResult {
  requests: number;
  itemsPerRequest: number;
  connections: number;
  created: number;
  updated: number;
  /** Should be 0: every changed item differs from its row. */
  unchanged: number;
  errors: number;
  seconds: number;
  perSecond: number;
  /** CPU of the app's and PostgreSQL's process trees per 1,000 upserts: where the time goes. */
  appCpuMsPer1000: number;
  pgCpuMsPer1000: number;
  /** WAL written per 1,000 upserts: with durable commits, what each one costs the disk. */
  walKbPer1000: number;
  /** Checkpoints completed while the upserts ran, and what autovacuum workers did meanwhile ("VACUUM public.login_tokens"): both take their share of the cores. */
  checkpoints: number;
  autovacuum: string[];
}

interface WalReading {
  bytes: number;
  checkpoints: number;
}

async function readWal(pool: pg.Pool): Promise<WalReading> {
  const { rows } = await pool.query<WalReading>(
    // The WAL position, not pg_stat_wal: other backends report their statistics only every few seconds.
    `SELECT (pg_current_wal_lsn() - '0/0')::float8 AS bytes, c.num_done::float8 AS checkpoints FROM pg_stat_checkpointer c`,
  );
  return rows[0]!;
}

const AUTOVACUUM_POLL_MS = 100;

/** Until `stop` is called, what the autovacuum workers are doing, looked at every 100 ms; then the distinct tasks seen, sorted. */
function watchAutovacuum(pool: pg.Pool): () => Promise<string[]> {
  const seen = new Set<string>();
  let watching = true;
  const look = async () => {
    while (watching) {
      const { rows } = await pool.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE backend_type = 'autovacuum worker' AND query <> ''");
      for (const { query } of rows) seen.add(query.replace(/^autovacuum: /, ""));
      await new Promise((resolve) => setTimeout(resolve, AUTOVACUUM_POLL_MS));
    }
  };
  const looking = look();
  return async () => {
    watching = false;
    await looking;
    return [...seen].sort();
  };
}

const contactsSql = `
INSERT INTO contacts (id, company_id, first_name, last_name, email)
SELECT $1::int + n, $2::int + n % $3::int, first, last, lower(first || '.' || last || '.' || n) || '@bench.example'
FROM generate_series($4::int, $5::int) n,
     LATERAL (SELECT ($6::text[])[1 + n % cardinality($6::text[])] AS first,
                     ($7::text[])[1 + (n / cardinality($6::text[])) % cardinality($7::text[])] AS last) names`;

/** Seeds `count` contacts in companies of about a hundred; returns the seconds it took. */
export async function seedPeople(pool: pg.Pool, count: number, onProgress: (done: number) => void): Promise<number> {
  const started = performance.now();
  const companies = Math.max(1, Math.ceil(count / CONTACTS_PER_COMPANY));
  await pool.query("INSERT INTO companies (id, name) SELECT $1::int + n, 'Bench Company ' || n FROM generate_series(0, $2::int - 1) n", [
    FIRST_COMPANY_ID,
    companies,
  ]);
  for (let from = 0; from < count; from += SEED_CHUNK) {
    const to = Math.min(count, from + SEED_CHUNK) - 1;
    await pool.query(contactsSql, [FIRST_CONTACT_ID, FIRST_COMPANY_ID, companies, from, to, FIRST_NAMES, LAST_NAMES]);
    onProgress(to + 1);
  }
  // As a table in use is: vacuumed (hint bits set, visibility map), so no autovacuum of the fresh load runs during the measurements.
  await pool.query("VACUUM (ANALYZE) companies, contacts");
  return (performance.now() - started) / 1000;
}

async function executionMs(pool: pg.Pool, sql: { text: string; values: unknown[] }): Promise<number> {
  const result = await pool.query<{ "QUERY PLAN": [{ "Execution Time": number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, sql.values);
  return result.rows[0]!["QUERY PLAN"][0]["Execution Time"];
}

/** The first page of each view through peoplePageByNumber (rows, capped count, company name), median of `runs`. */
export async function measurePeopleViews(pool: pg.Pool, contacts: number, runs: number): Promise<PeopleViewResult[]> {
  const results: PeopleViewResult[] = [];
  for (const view of PEOPLE_VIEWS) {
    const page = await peoplePageByNumber("contact", view.filters, 1, PAGE_SIZE); // Warm: plans, buffers, code.
    const serverMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await peoplePageByNumber("contact", view.filters, 1, PAGE_SIZE);
      serverMs.push(performance.now() - started);
    }
    const query: PeopleListQuery = { ...view.filters, after: null, limit: PAGE_SIZE };
    const sqlMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      sqlMs.push((await executionMs(pool, peopleListSql("contact", query))) + (await executionMs(pool, peopleCountSql("contact", view.filters))));
    }
    results.push({ view: view.name, contacts, matching: page.total, capped: page.capped, serverMs: round(median(serverMs)), sqlMs: round(median(sqlMs), 3) });
  }
  return results;
}

interface ContactItem {
  kind: "contact";
  id: number;
  companyId: number;
  firstName: string;
  lastName: string;
  email: string;
}

/**
 * Each request carries half changed contacts (a new first name; seeded rows,
 * none sent twice) and half new ones, in `connections` parallel streams.
 */
export async function measureBatchUpserts(
  pool: pg.Pool,
  options: {
    origin: string;
    apiKey: string;
    contacts: number;
    requests: number;
    itemsPerRequest: number;
    connections: number;
    appPid: number;
    pgPid: number;
  },
): Promise<BatchResult> {
  const warmUpRequests = WARM_UP_REQUESTS_PER_STREAM * options.connections;
  const bodyCount = options.requests + warmUpRequests;
  const half = Math.floor(options.itemsPerRequest / 2);
  // Seeded rows no earlier call has changed, and ids after the highest: calls in any order and number leave each other's rows alone.
  const { rows: existing } = await pool.query<{ id: number; company_id: number; first_name: string; last_name: string; email: string }>(
    "SELECT id, company_id, first_name, last_name, email FROM contacts WHERE id >= $1 AND id < $2 AND updated_at = created_at ORDER BY id LIMIT $3",
    [FIRST_CONTACT_ID, FIRST_CONTACT_ID + options.contacts, half * bodyCount],
  );
  const { rows: highest } = await pool.query<{ max: number | null }>("SELECT max(id) AS max FROM contacts");
  const changedPerRequest = Math.min(half, Math.floor(existing.length / bodyCount));
  const newPerRequest = options.itemsPerRequest - changedPerRequest;
  const firstNew = (highest[0]?.max ?? FIRST_CONTACT_ID) + 1 - FIRST_CONTACT_ID;
  const bodies = Array.from({ length: bodyCount }, (_, request) => {
    const changed: ContactItem[] = existing.slice(request * changedPerRequest, (request + 1) * changedPerRequest).map((row, i) => ({
      kind: "contact",
      id: row.id,
      companyId: row.company_id,
      firstName: FIRST_NAMES[(FIRST_NAMES.indexOf(row.first_name) + 1 + (i % 3)) % FIRST_NAMES.length]!,
      lastName: row.last_name,
      email: row.email,
    }));
    const added: ContactItem[] = Array.from({ length: newPerRequest }, (_, i) => {
      const n = firstNew + request * newPerRequest + i;
      return {
        kind: "contact",
        id: FIRST_CONTACT_ID + n,
        companyId: FIRST_COMPANY_ID + (n % Math.max(1, Math.ceil(options.contacts / CONTACTS_PER_COMPANY))),
        firstName: FIRST_NAMES[n % FIRST_NAMES.length]!,
        lastName: LAST_NAMES[n % LAST_NAMES.length]!,
        email: `new.${n}@bench.example`,
      };
    });
    return JSON.stringify({ items: [...changed, ...added] });
  });

  const post = async (body: string) => {
    const response = await fetch(`${options.origin}/api/v1/people/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
      body,
    });
    if (!response.ok) throw new Error(`POST /api/v1/people/batch answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return ((await response.json()) as { counts: { created: number; updated: number; unchanged: number; error: number } }).counts;
  };
  // In `connections` streams, so that each stream's connection is warm too.
  const inStreams = async (from: number, to: number, each: (counts: Awaited<ReturnType<typeof post>>) => void) => {
    let next = from;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (next < to) each(await post(bodies[next++]!));
      }),
    );
  };
  await inStreams(0, warmUpRequests, () => {});

  const totals = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  const walBefore = await readWal(pool);
  const autovacuum = watchAutovacuum(pool);
  const appBefore = treeCpuMs(options.appPid);
  const pgBefore = treeCpuMs(options.pgPid);
  const started = performance.now();
  await inStreams(warmUpRequests, bodies.length, (counts) => {
    totals.created += counts.created;
    totals.updated += counts.updated;
    totals.unchanged += counts.unchanged;
    totals.errors += counts.error;
  });
  const seconds = (performance.now() - started) / 1000;
  const appMs = treeCpuMs(options.appPid) - appBefore;
  const pgMs = treeCpuMs(options.pgPid) - pgBefore;
  const walAfter = await readWal(pool);
  const autovacuumSeen = await autovacuum();
  const per1000 = (amount: number) => round((amount / (options.requests * options.itemsPerRequest)) * 1000, 1);
  return {
    requests: options.requests,
    itemsPerRequest: options.itemsPerRequest,
    connections: options.connections,
    ...totals,
    seconds: round(seconds),
    perSecond: round((options.requests * options.itemsPerRequest) / seconds, 0),
    appCpuMsPer1000: per1000(appMs),
    pgCpuMsPer1000: per1000(pgMs),
    walKbPer1000: per1000((walAfter.bytes - walBefore.bytes) / 1024),
    checkpoints: walAfter.checkpoints - walBefore.checkpoints,
    autovacuum: autovacuumSeen,
  };
}
