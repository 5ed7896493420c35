/** A count that stops at a cap, as the back-office tables show it. */
export interface CappedCount {
  /** Exact when `totalIsCapped` is false; otherwise the cap, and there are more. */
  total: number;
  totalIsCapped: boolean;
}

/**
 * Counts up to `cap` rows and no further: `count` is asked for at most
 * `cap + 1` rows (a LIMITed subquery), so a view of ten million rows costs
 * what one of `cap` rows does, on every page view. A cap below one is one.
 */
export async function countCapped(count: (take: number) => Promise<number>, cap: number): Promise<CappedCount> {
  const limit = Math.max(1, Math.trunc(cap));
  const counted = await count(limit + 1);
  return counted > limit ? { total: limit, totalIsCapped: true } : { total: counted, totalIsCapped: false };
}
