// The raw SQL floor: redemption statements driven straight at PostgreSQL by
// N connections in a tight loop (node-pg, named prepared statements over the
// extended protocol, as the app uses), with no HTTP, routing or validation.
import pg from "pg";
import { REDEEM_LOGIN_TOKEN } from "@/lib/sql/redeem-login-token";

/** The conditional consumption at the heart of REDEEM_LOGIN_TOKEN, alone: what a redemption cannot do without. */
export const FLOOR_UPDATE_SQL = `
UPDATE login_tokens t SET
  successful_attempts = t.successful_attempts + 1,
  last_accessed_at = now(),
  used_at = CASE WHEN t.one_time_use THEN now() ELSE t.used_at END
WHERE t.token_hash = $1::bytea
  AND t.deleted_at IS NULL
  AND t.used_at IS NULL
  AND t.locked_at IS NULL
  AND (t.expires_at IS NULL OR t.expires_at > now())
  AND (t.referrer IS NULL OR t.referrer = $2::text)
RETURNING t.id, t.user_type, t.contact_id, t.customer_id, t.extra, t.expires_at, t.one_time_use`;

export type FloorStatement = "update" | "redeem-statement";

export interface DriveResult {
  successes: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
}

function statement(kind: FloorStatement, hash: Buffer): pg.QueryConfig {
  if (kind === "update") return { name: "floor-update", text: FLOOR_UPDATE_SQL, values: [hash, null] };
  // A login link's arguments without the shop session: no key to check, nothing else to insert.
  return {
    name: "floor-redeem",
    text: REDEEM_LOGIN_TOKEN.text,
    values: [hash, null, "redeem:bench-floor", 900, 20, 10, null, 12, "127.0.0.1", "bench", "api", null, 60, null, null, 60],
  };
}

/** Redeems each hash once, `connections` at a time, until all are used; the first `connections` warm up and are not counted. */
export async function driveSql(databaseUrl: string, kind: FloorStatement, hashes: Buffer[], connections: number): Promise<DriveResult> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    // Each connection prepares its statement on a real redemption before the
    // clock starts, as a warmed-up app pool would have; a failed one would count
    // towards the throttle.
    await Promise.all(clients.map((client, i) => client.query(statement(kind, hashes[i]!))));
    let next = clients.length;
    let successes = 0;
    let errors = 0;
    const latenciesMs: number[] = [];
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (next < hashes.length) {
          const hash = hashes[next++]!;
          const sent = performance.now();
          try {
            const { rows } = await client.query(statement(kind, hash));
            // The redeem statement always answers one row; a consumed token has an id.
            if (rows[0]?.id) successes++;
            else errors++;
          } catch {
            errors++;
          }
          latenciesMs.push(performance.now() - sent);
        }
      }),
    );
    return { successes, errors, seconds: (performance.now() - started) / 1000, latenciesMs };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}
