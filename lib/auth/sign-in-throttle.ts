import "server-only";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import { CLEAR_THROTTLE_COUNTS } from "@/lib/sql/clear-throttle-counts";
import { COUNT_THROTTLE_FAILURES } from "@/lib/sql/count-throttle-failures";
import { READ_THROTTLE_COUNTS, type ThrottleCountRow } from "@/lib/sql/read-throttle-counts";

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

export function delayAfter(failures: number): number {
  return Math.min(Math.max(0, failures - FREE_FAILURES) * DELAY_STEP_MS, MAX_DELAY_MS);
}

export async function signInAllowance(email: string, ip: string | null): Promise<SignInAllowance> {
  const config = env();
  const { rows } = await pool().query<ThrottleCountRow>({
    ...READ_THROTTLE_COUNTS,
    values: [[accountKey(email), addressKey(ip)], config.SIGNIN_THROTTLE_WINDOW_SECONDS],
  });
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
  await pool().query({ ...COUNT_THROTTLE_FAILURES, values: [[accountKey(email), addressKey(ip)], env().SIGNIN_THROTTLE_WINDOW_SECONDS] });
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearSignInFailures(email: string): Promise<void> {
  await pool().query({ ...CLEAR_THROTTLE_COUNTS, values: [accountKey(email)] });
}
