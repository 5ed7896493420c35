import "server-only";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";

/**
 * Failed punch-out starts (cXML setup, OCI login) counted per client address
 * in the same database-backed fixed windows as failed redemptions, with the
 * same limits, so that guessing a buyer's secret is as slow as guessing a token.
 */
const keyFor = (ip: string | null) => `punchout:ip:${ip ?? "unknown"}`;

// The window a moment falls in, computed by PostgreSQL so that all instances agree.
const WINDOW = `to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int)`;

/** Seconds to wait when this address is over the limit, else null. */
export async function punchoutRetryAfter(ip: string | null): Promise<number | null> {
  const config = env();
  const { rows } = await pool().query<{ count: number; retry_after: number }>(
    `SELECT count, ceil(extract(epoch FROM window_start + make_interval(secs => $2::int) - now()))::int AS retry_after
     FROM rate_limit_counters WHERE key = $1 AND window_start = ${WINDOW}`,
    [keyFor(ip), config.REDEEM_THROTTLE_WINDOW_SECONDS],
  );
  const row = rows[0];
  return row && row.count >= config.REDEEM_THROTTLE_MAX_FAILURES ? Math.max(1, row.retry_after) : null;
}

export async function recordPunchoutFailure(ip: string | null): Promise<void> {
  await pool().query(
    `INSERT INTO rate_limit_counters (key, window_start, count) VALUES ($1, ${WINDOW}, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1`,
    [keyFor(ip), env().REDEEM_THROTTLE_WINDOW_SECONDS],
  );
}
