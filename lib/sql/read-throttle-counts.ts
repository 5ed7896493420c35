import { secondsUntilWindowEnds, windowStart } from "@/lib/sql/fragments";

/**
 * The failures counted against each of some throttle keys in the present
 * window, and the seconds until it ends; a key with none has no row.
 *
 * $1 the keys  $2 the window (s)
 */
export const READ_THROTTLE_COUNTS = {
  name: "read-throttle-counts",
  text: `SELECT key, count, ${secondsUntilWindowEnds("window_start", "$2")} AS retry_after
         FROM rate_limit_counters WHERE key = ANY($1::text[]) AND window_start = ${windowStart("$2")}`,
} as const;

export interface ThrottleCountRow {
  key: string;
  count: number;
  retry_after: number;
}
