import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  LOGIN_TOKEN_SORTS,
  type DateRange,
  type LoginTokenFilters,
  type LoginTokenSort,
  type NumberCondition,
  sortsNullsLast,
} from "@/lib/login-tokens/filters";
import { hashTokenValue, isWellFormedTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function numberWhere(condition: NumberCondition | null): Prisma.IntFilter | undefined {
  if (!condition) return undefined;
  const { op, value } = condition;
  return op === "eq" ? { equals: value } : op === "ne" ? { not: value } : { [op]: value };
}

function rangeWhere(range: DateRange): Prisma.DateTimeFilter | undefined {
  if (!range.from && !range.to) return undefined;
  return { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) };
}

function idsWhere(ids: string[]): Prisma.LoginTokenWhereInput | undefined {
  if (ids.length === 0) return undefined;
  const publicIds = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
  const hashes = ids.filter(isWellFormedTokenValue).map((value) => hashTokenValue(value, tokenKeys()));
  // Nothing pasted looks like an id: the filter must then match nothing, not everything.
  return { OR: [{ id: { in: publicIds } }, { tokenHash: { in: hashes } }] };
}

// A used one-time token stays listed, with its status, until someone deletes it: only
// deleted_at leaves the list, and only the other statuses leave out the used ones.
function statusWhere(status: LoginTokenFilters["status"], now: Date): Prisma.LoginTokenWhereInput {
  switch (status) {
    case "USED":
      return { deletedAt: null, usedAt: { not: null } };
    case "ACTIVE":
      return { deletedAt: null, usedAt: null, lockedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    case "EXPIRED":
      return { deletedAt: null, usedAt: null, lockedAt: null, expiresAt: { lte: now } };
    case "LOCKED":
      return { deletedAt: null, usedAt: null, lockedAt: { not: null } };
    default:
      return { deletedAt: null };
  }
}

/** The one translation of filters into a query, used by the table and the API alike. */
export function loginTokenWhere(filters: LoginTokenFilters, now: Date = new Date()): Prisma.LoginTokenWhereInput {
  const and: Prisma.LoginTokenWhereInput[] = [statusWhere(filters.status, now)];
  const ids = idsWhere(filters.ids);
  if (ids) and.push(ids);
  if (filters.user) and.push(filters.user.type === "CONTACT" ? { contactId: filters.user.id } : { customerId: filters.user.id });
  if (filters.userType) and.push({ userType: filters.userType });
  const expiresAt = rangeWhere(filters.expiresAt);
  if (expiresAt) and.push({ expiresAt });
  const createdAt = rangeWhere(filters.createdAt);
  if (createdAt) and.push({ createdAt });
  const updatedAt = rangeWhere(filters.updatedAt);
  if (updatedAt) and.push({ updatedAt });
  const successfulAttempts = numberWhere(filters.successfulAttempts);
  if (successfulAttempts) and.push({ successfulAttempts });
  const failedAttempts = numberWhere(filters.failedAttempts);
  if (failedAttempts) and.push({ failedAttempts });
  if (filters.oneTimeUse !== null) and.push({ oneTimeUse: filters.oneTimeUse });
  return { AND: and };
}

export function loginTokenOrderBy(sort: LoginTokenSort): Prisma.LoginTokenOrderByWithRelationInput[] {
  const { key, direction } = sort;
  const { column, nullable } = LOGIN_TOKEN_SORTS[key];
  const order = nullable ? { sort: direction, nulls: sortsNullsLast(sort) ? ("last" as const) : ("first" as const) } : direction;
  return [{ [column]: order }, { id: direction }];
}
