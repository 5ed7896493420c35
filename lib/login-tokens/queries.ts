import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countLoginTokensCapped, LOGIN_TOKEN_COUNT_CAP } from "@/lib/login-tokens/count";
import type { LoginTokenFilters, LoginTokenSort } from "@/lib/login-tokens/filters";
import type { LoginTokenDetails, LoginTokenPage } from "@/lib/login-tokens/list-types";
import { statusOf } from "@/lib/login-tokens/status";
import { fullName, personSelect } from "@/lib/login-tokens/users";
import { loginTokenOrderBy, loginTokenWhere } from "@/lib/login-tokens/where";

export interface LoginTokenListRequest {
  filters: LoginTokenFilters;
  sort: LoginTokenSort;
  page: number;
  perPage: number;
}

// An explicit list, so token_hash and token_ciphertext can never ride along.
export const LOGIN_TOKEN_ROW_SELECT = {
  id: true,
  userName: true,
  userType: true,
  expiresAt: true,
  lastAccessedAt: true,
  successfulAttempts: true,
  failedAttempts: true,
  oneTimeUse: true,
  extra: true,
  createdAt: true,
  usedAt: true,
  lockedAt: true,
  deletedAt: true,
} as const satisfies Prisma.LoginTokenSelect;

/**
 * One page of the list's rows, as a deferred join: the ids of the page first
 * (the same where and order, skipping `skip` rows, reading only the index the
 * order walks where it covers the filter), then the page's columns for those
 * ids alone. A deep page then skips index entries instead of whole rows.
 */
export async function findLoginTokenPageRows(
  where: Prisma.LoginTokenWhereInput,
  orderBy: Prisma.LoginTokenOrderByWithRelationInput[],
  skip: number,
  take: number,
) {
  const ids = await db.loginToken.findMany({ where, orderBy, skip, take, select: { id: true } });
  if (ids.length === 0) return [];
  const rows = await db.loginToken.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: LOGIN_TOKEN_ROW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // In the order of the ids; `IN` returns its rows in any order.
  return ids.flatMap(({ id }) => byId.get(id) ?? []);
}

/** One page of tokens, filtered and sorted by the database, and the capped count of all matches. */
export async function listLoginTokens(
  { filters, sort, page, perPage }: LoginTokenListRequest,
  { now = new Date(), countCap = LOGIN_TOKEN_COUNT_CAP }: { now?: Date; countCap?: number } = {},
): Promise<LoginTokenPage> {
  const where = loginTokenWhere(filters, now);
  const orderBy = loginTokenOrderBy(sort);
  const take = Math.min(Math.max(Math.trunc(perPage), 1), 100);
  const [rows, counted] = await Promise.all([
    findLoginTokenPageRows(where, orderBy, (Math.max(page, 1) - 1) * take, take),
    countLoginTokensCapped(where, { cap: countCap, orderBy }),
  ]);
  return {
    rows: rows.map(({ usedAt, lockedAt, deletedAt, ...row }) => ({ ...row, status: statusOf({ usedAt, lockedAt, deletedAt, expiresAt: row.expiresAt }, now) })),
    total: counted.count,
    totalIsCapped: counted.capped,
  };
}

const person = { select: personSelect } as const;

/** A token that is listed (live, or used up), or null. */
export async function getLoginTokenDetails(id: string, now: Date = new Date()): Promise<LoginTokenDetails | null> {
  const row = await db.loginToken.findFirst({
    where: { id, OR: [{ deletedAt: null }, { usedAt: { not: null } }] },
    select: {
      id: true,
      userType: true,
      contact: person,
      customer: person,
      expiresAt: true,
      oneTimeUse: true,
      extra: true,
      referrer: true,
      redirectPath: true,
      reason: true,
      successfulAttempts: true,
      failedAttempts: true,
      lastAccessedAt: true,
      createdAt: true,
      updatedAt: true,
      usedAt: true,
      lockedAt: true,
      deletedAt: true,
      createdByStaff: { select: { name: true } },
      createdByApiKey: { select: { name: true } },
    },
  });
  if (!row) return null;
  const owner = row.contact ?? row.customer;
  return {
    id: row.id,
    user: owner && row.userType ? { type: row.userType, id: owner.id, name: fullName(owner), email: owner.email } : null,
    expiresAt: row.expiresAt,
    oneTimeUse: row.oneTimeUse,
    extra: row.extra,
    referrer: row.referrer,
    redirectPath: row.redirectPath,
    reason: row.reason,
    successfulAttempts: row.successfulAttempts,
    failedAttempts: row.failedAttempts,
    lastAccessedAt: row.lastAccessedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdByStaff?.name ?? (row.createdByApiKey ? `API key “${row.createdByApiKey.name}”` : null),
    status: statusOf(row, now),
  };
}
