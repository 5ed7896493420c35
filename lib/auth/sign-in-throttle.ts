import "server-only";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";

/**
 * Staff sign-in throttling: failed sign-ins are counted per account and per
 * client address in fixed windows, in PostgreSQL so every instance sees the
 * same counts. A few failures are free; after that each attempt is slowed,
 * and at the limit the account (or the address) is refused until the window ends.
 */

/** Failures per account that cost nothing; each one after it waits longer. */
export const FREE_FAILURES = 3;
const DELAY_STEP_MS = 200;
const MAX_DELAY_MS = 2_000;

export type SignInAllowance = { refused: false; delayMs: number } | { refused: true; retryAfterSeconds: number };

const accountKey = (email: string) => `signin:account:${email.toLowerCase()}`;
const addressKey = (ip: string | null) => `signin:ip:${ip ?? "unknown"}`;

// The window a moment falls in, computed by PostgreSQL so that all instances agree.
const WINDOW = `to_timestamp(floor(extract(epoch FROM now()) / $2::int) * $2::int)`;

export function delayAfter(failures: number): number {
  return Math.min(Math.max(0, failures - FREE_FAILURES) * DELAY_STEP_MS, MAX_DELAY_MS);
}

export async function signInAllowance(email: string, ip: string | null): Promise<SignInAllowance> {
  const config = env();
  const { rows } = await pool().query<{ key: string; count: number; retry_after: number }>(
    `SELECT key, count, ceil(extract(epoch FROM window_start + make_interval(secs => $2::int) - now()))::int AS retry_after
     FROM rate_limit_counters WHERE key = ANY($1::text[]) AND window_start = ${WINDOW}`,
    [[accountKey(email), addressKey(ip)], config.SIGNIN_THROTTLE_WINDOW_SECONDS],
  );
  const account = rows.find((row) => row.key === accountKey(email));
  const address = rows.find((row) => row.key === addressKey(ip));
  const over = [
    account && account.count >= config.SIGNIN_THROTTLE_MAX_FAILURES ? account : null,
    address && address.count >= config.SIGNIN_THROTTLE_MAX_FAILURES_PER_ADDRESS ? address : null,
  ].find(Boolean);
  if (over) return { refused: true, retryAfterSeconds: Math.max(1, over.retry_after) };
  return { refused: false, delayMs: delayAfter(account?.count ?? 0) };
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  await pool().query(
    `INSERT INTO rate_limit_counters (key, window_start, count)
     SELECT key, ${WINDOW}, 1 FROM unnest($1::text[]) AS key
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1`,
    [[accountKey(email), addressKey(ip)], env().SIGNIN_THROTTLE_WINDOW_SECONDS],
  );
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearSignInFailures(email: string): Promise<void> {
  await pool().query(`DELETE FROM rate_limit_counters WHERE key = $1`, [accountKey(email)]);
}
