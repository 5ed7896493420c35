import "server-only";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import { COUNT_THROTTLE_FAILURES } from "@/lib/sql/count-throttle-failures";
import { READ_THROTTLE_COUNTS, type ThrottleCountRow } from "@/lib/sql/read-throttle-counts";

/**
 * Failed punch-out starts (cXML setup, OCI login) counted per client address
 * in the same database-backed fixed windows as failed redemptions, with the
 * same limits, so that guessing a buyer's secret is as slow as guessing a token.
 */
const keyFor = (ip: string | null) => `punchout:ip:${ip ?? "unknown"}`;

/** Seconds to wait when this address is over the limit, else null. */
export async function punchoutRetryAfter(ip: string | null): Promise<number | null> {
  const config = env();
  const { rows } = await pool().query<ThrottleCountRow>({ ...READ_THROTTLE_COUNTS, values: [[keyFor(ip)], config.REDEEM_THROTTLE_WINDOW_SECONDS] });
  const row = rows[0];
  return row && row.count >= config.REDEEM_THROTTLE_MAX_FAILURES ? Math.max(1, row.retry_after) : null;
}

export async function recordPunchoutFailure(ip: string | null): Promise<void> {
  await pool().query({ ...COUNT_THROTTLE_FAILURES, values: [[keyFor(ip)], env().REDEEM_THROTTLE_WINDOW_SECONDS] });
}
