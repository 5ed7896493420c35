import { windowStart } from "@/lib/sql/fragments";

/**
 * Counts one failure against each of some throttle keys in the present window.
 *
 * $1 the keys  $2 the window (s)
 */
export const COUNT_THROTTLE_FAILURES = {
  name: "count-throttle-failures",
  text: `INSERT INTO rate_limit_counters (key, window_start, count)
         SELECT key, ${windowStart("$2")}, 1 FROM unnest($1::text[]) AS key
         ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1`,
} as const;
