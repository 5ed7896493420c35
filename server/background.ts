import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import { SWEEP_BATCH, SWEEP_EXPIRED } from "@/lib/sql/sweep-expired";

/**
 * Rows that stop mattering on their own (lib/sql/sweep-expired.ts), deleted
 * in batches, so a long backlog never holds locks for long or competes with
 * redemptions; any instance may run it at any time, as often as it likes.
 */
export type SweepCounts = Record<keyof typeof SWEEP_EXPIRED, number>;

async function sweep(db: pg.Pool, statement: pg.QueryConfig): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(statement);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < SWEEP_BATCH) return total;
  }
}

/** The sweep's counts, deleted rows per table. */
export async function sweepExpired(db: pg.Pool = pool()): Promise<SweepCounts> {
  const config = env();
  // A counter matters until the longest throttle window it can belong to has ended.
  const longestWindow = Math.max(config.REDEEM_THROTTLE_WINDOW_SECONDS, config.SIGNIN_THROTTLE_WINDOW_SECONDS);
  return {
    shopSessions: await sweep(db, SWEEP_EXPIRED.shopSessions),
    linkPageProofs: await sweep(db, SWEEP_EXPIRED.linkPageProofs),
    rateLimitCounters: await sweep(db, { ...SWEEP_EXPIRED.rateLimitCounters, values: [longestWindow] }),
  };
}

const SWEEP_EVERY_MS = 10 * 60_000;

async function sweepAndSay(): Promise<void> {
  try {
    const swept = Object.entries(await sweepExpired()).filter(([, count]) => count > 0);
    if (swept.length > 0) console.log(`Swept expired rows: ${swept.map(([table, count]) => `${count} ${table}`).join(", ")}`);
  } catch (error) {
    console.error("Sweeping expired rows failed:", error instanceof Error ? error.message : error);
  }
}

/** What the production server runs besides answering requests: the sweep, soon after start and every ten minutes. */
export function startBackgroundWork(): void {
  setTimeout(() => void sweepAndSay(), 30_000).unref();
  setInterval(() => void sweepAndSay(), SWEEP_EVERY_MS).unref();
}
