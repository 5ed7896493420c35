// Generates realistic login tokens in bulk for scale tests and the benchmark:
// real values (HMAC and AES-GCM made here, so reveal and redemption work on
// them), spread over contacts, customers and anonymous, every state, three
// years of dates. Rows go in as one INSERT … SELECT FROM unnest(…) per batch,
// with the secondary indexes dropped during the load and rebuilt after.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { encryptTokenValue, hashTokenValue, type TokenKeys } from "@/lib/login-tokens/token-crypto";

const DAY = 86_400_000;
const EXTRAS = [
  "OCI punch-out: SAP Ariba, buyer org 4711",
  "Customer on phone, ticket 4812",
  "Re-order link from newsletter",
  "Sales visit follow-up",
  "Coupa punch-out session",
  "Quote Q-2026-0193",
];

interface Person {
  id: number;
  name: string;
}

/** A small, fast PRNG so a seed with the same `seed` makes the same rows. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function people(client: pg.PoolClient, table: "contacts" | "customers"): Promise<Person[]> {
  const { rows } = await client.query<Person>(`SELECT id, first_name || ' ' || last_name AS name FROM ${table} ORDER BY id`);
  return rows;
}

const INSERT_BATCH = `
INSERT INTO login_tokens (token_hash, token_ciphertext, user_type, contact_id, customer_id, user_name, expires_at,
  one_time_use, extra, referrer, successful_attempts, failed_attempts, last_accessed_at, used_at, locked_at,
  created_at, updated_at, deleted_at, created_by_staff_id)
SELECT * FROM unnest($1::bytea[], $2::bytea[], $3::"UserType"[], $4::int[], $5::int[], $6::text[], $7::timestamptz[],
  $8::boolean[], $9::text[], $10::text[], $11::int[], $12::int[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[],
  $16::timestamptz[], $17::timestamptz[], $18::timestamptz[], $19::uuid[])`;

export interface LargeSeedOptions {
  count: number;
  keys: TokenKeys;
  batchSize?: number;
  seed?: number;
  now?: Date;
  /** Called after each batch with the number of rows inserted so far. */
  onProgress?: (inserted: number) => void;
}

export async function seedLargeTokens(pool: pg.Pool, options: LargeSeedOptions): Promise<{ inserted: number; ms: number; indexMs: number }> {
  const { count, keys, batchSize = 20_000, seed = 1, now = new Date(), onProgress } = options;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const started = performance.now();
  const client = await pool.connect();
  try {
    const contacts = await people(client, "contacts");
    const customers = await people(client, "customers");
    const { rows: staffRows } = await client.query<{ id: string }>("SELECT id FROM staff_users ORDER BY created_at LIMIT 5");
    const staff = staffRows.map((row) => row.id);

    const bulk = count >= 50_000;
    let indexes: string[] = [];
    if (bulk) {
      // Building an index once over all rows is far cheaper than keeping it up to date row by row.
      const { rows } = await client.query<{ name: string; definition: string }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE tablename = 'login_tokens' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
      );
      indexes = rows.map((row) => row.definition);
      for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
    }

    // Generating a batch (crypto, in this process) overlaps with inserting
    // the previous one (in PostgreSQL), so the two cores work side by side.
    const makeBatch = (size: number): unknown[][] => {
      const columns: unknown[][] = Array.from({ length: 19 }, () => new Array(size));
      const entropy = randomBytes(32 * size);
      for (let i = 0; i < size; i++) {
        const value = entropy.subarray(i * 32, i * 32 + 32).toString("base64url");
        const createdAt = new Date(now.getTime() - random() * 3 * 365 * DAY);
        const kind = random();
        const contact = kind < 0.45 && contacts.length ? pick(contacts) : null;
        const customer = !contact && kind < 0.85 && customers.length ? pick(customers) : null;
        const oneTimeUse = random() < 0.6;
        const expiresAt = random() < 0.2 ? null : new Date(createdAt.getTime() + (1 / 24 + random() * 90) * DAY);
        const used = oneTimeUse && random() < 0.4;
        const staffDeleted = !used && random() < 0.05;
        const locked = !used && !staffDeleted && random() < 0.01;
        const successful = used ? 1 : oneTimeUse ? 0 : Math.floor(-Math.log(1 - random()) * 4);
        const failed = locked ? 10 + Math.floor(random() * 5) : random() < 0.8 ? 0 : Math.floor(random() * 5);
        const accessed = successful + failed > 0 ? new Date(Math.min(now.getTime(), createdAt.getTime() + random() * 30 * DAY)) : null;
        const updatedAt = random() < 0.2 ? new Date(Math.min(now.getTime(), createdAt.getTime() + random() * 10 * DAY)) : createdAt;
        const row = [
          Buffer.from(hashTokenValue(value, keys)),
          Buffer.from(encryptTokenValue(value, keys)),
          contact ? "CONTACT" : customer ? "CUSTOMER" : null,
          contact?.id ?? null,
          customer?.id ?? null,
          contact?.name ?? customer?.name ?? null,
          expiresAt,
          oneTimeUse,
          random() < 0.3 ? pick(EXTRAS) : null,
          random() < 0.05 ? "https://procurement.example.com" : null,
          successful,
          failed,
          accessed,
          used ? accessed : null,
          locked ? accessed : null,
          createdAt,
          updatedAt,
          staffDeleted ? updatedAt : null,
          staff.length && random() < 0.9 ? pick(staff) : null,
        ];
        for (let c = 0; c < row.length; c++) (columns[c] as unknown[])[i] = row[c];
      }
      return columns;
    };

    let inserted = 0;
    let pending: Promise<unknown> | null = null;
    while (inserted < count) {
      const size = Math.min(batchSize, count - inserted);
      const batch = makeBatch(size);
      await pending;
      if (pending) onProgress?.(inserted);
      pending = client.query(INSERT_BATCH, batch);
      inserted += size;
    }
    await pending;
    onProgress?.(inserted);

    const loaded = performance.now();
    for (const definition of indexes) await client.query(definition);
    if (bulk) await client.query("VACUUM (ANALYZE) login_tokens");
    const finished = performance.now();
    return { inserted, ms: finished - started, indexMs: finished - loaded };
  } finally {
    client.release();
  }
}
