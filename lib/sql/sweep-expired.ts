/**
 * Deletes up to SWEEP_BATCH rows that stopped mattering on their own, per
 * table, skipping rows another transaction holds; run again until fewer come back.
 */
export const SWEEP_BATCH = 5_000;

export const SWEEP_EXPIRED = {
  /** Webshop sessions past their expiry (refused when read, but they would pile up forever). */
  shopSessions: {
    name: "sweep-shop-sessions",
    text: `DELETE FROM shop_sessions WHERE id IN (
             SELECT id FROM shop_sessions WHERE expires_at <= now() LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
  },
  /** The nonces of page proofs that have expired anyway. */
  linkPageProofs: {
    name: "sweep-link-page-proofs",
    text: `DELETE FROM link_page_proofs WHERE nonce IN (
             SELECT nonce FROM link_page_proofs WHERE expires_at <= now() LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
  },
  /** Throttle counters of windows that ended more than $1 seconds ago. */
  rateLimitCounters: {
    name: "sweep-rate-limit-counters",
    text: `DELETE FROM rate_limit_counters WHERE (key, window_start) IN (
             SELECT key, window_start FROM rate_limit_counters
             WHERE window_start < now() - make_interval(secs => $1::int) LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
  },
} as const;
