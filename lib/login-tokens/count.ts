import "server-only";
import { countCapped, type CappedCount } from "@/lib/capped-count";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** How far the Login Tokens page counts exactly; beyond it, it says "more than". */
export const LOGIN_TOKEN_COUNT_CAP = 10_000;

/**
 * Counts the tokens a view matches, but stops at `cap` (countCapped). The
 * LIMITed subquery is ordered (by id unless told otherwise); ordered like the
 * page it counts for, it walks the same index instead of the primary key's
 * random order, which on a million tokens is the difference between reading
 * the cap's rows and reading the table.
 */
export function countLoginTokensCapped(
  where: Prisma.LoginTokenWhereInput,
  { cap = LOGIN_TOKEN_COUNT_CAP, orderBy }: { cap?: number; orderBy?: Prisma.LoginTokenOrderByWithRelationInput[] } = {},
): Promise<CappedCount> {
  return countCapped((take) => db.loginToken.count({ where, orderBy, take }), cap);
}
