import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";

/**
 * Rows that stop mattering on their own: webshop sessions past their expiry
 * (refused when read, but they would pile up forever), the nonces of page
 * proofs that have expired anyway, and throttle counters of windows that
 * have ended. Deleted in batches, so a long backlog never holds locks for
 * long or competes with redemptions; any instance may run it at any time, as
 * often as it likes.
 */
const BATCH = 5_000;

const SWEEPS = {
  shopSessions: `
    DELETE FROM shop_sessions WHERE id IN (
      SELECT id FROM shop_sessions WHERE expires_at <= now() LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  linkPageProofs: `
    DELETE FROM link_page_proofs WHERE nonce IN (
      SELECT nonce FROM link_page_proofs WHERE expires_at <= now() LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
  rateLimitCounters: `
    DELETE FROM rate_limit_counters WHERE (key, window_start) IN (
      SELECT key, window_start FROM rate_limit_counters
      WHERE window_start < now() - make_interval(secs => $1::int) LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
} as const;

export type SweepCounts = Record<keyof typeof SWEEPS, number>;

async function sweep(db: pg.Pool, sql: string, values: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(sql, values);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}

export async function sweepExpired(db: pg.Pool = pool()): Promise<SweepCounts> {
  const config = env();
  // A counter matters until the longest throttle window it can belong to has ended.
  const longestWindow = Math.max(config.REDEEM_THROTTLE_WINDOW_SECONDS, config.SIGNIN_THROTTLE_WINDOW_SECONDS);
  return {
    shopSessions: await sweep(db, SWEEPS.shopSessions, []),
    linkPageProofs: await sweep(db, SWEEPS.linkPageProofs, []),
    rateLimitCounters: await sweep(db, SWEEPS.rateLimitCounters, [longestWindow]),
  };
}
