/**
 * Forgets every failure counted against a throttle key, in every window.
 *
 * $1 the key
 */
export const CLEAR_THROTTLE_COUNTS = { name: "clear-throttle-counts", text: "DELETE FROM rate_limit_counters WHERE key = $1" } as const;
