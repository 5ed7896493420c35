import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LOGIN_TOKEN_SORTS, type LoginTokenSort, sortsNullsLast } from "@/lib/login-tokens/filters";
import { loginTokenFilterConditions, type LoginTokenFilters } from "@/lib/login-tokens/table-filters";
import { hashTokenValue, isWellFormedTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";

const tokenHashes = (values: string[]) => values.filter(isWellFormedTokenValue).map((value) => hashTokenValue(value, tokenKeys()));

/** The one translation of filters into a query, used by the table and the API alike: each filter's own condition (table-filters.ts). */
export function loginTokenWhere(filters: LoginTokenFilters, now: Date = new Date()): Prisma.LoginTokenWhereInput {
  return { AND: loginTokenFilterConditions(filters, { now, tokenHashes }) };
}

export function loginTokenOrderBy(sort: LoginTokenSort): Prisma.LoginTokenOrderByWithRelationInput[] {
  const { key, direction } = sort;
  const { column, nullable } = LOGIN_TOKEN_SORTS[key];
  const order = nullable ? { sort: direction, nulls: sortsNullsLast(sort) ? ("last" as const) : ("first" as const) } : direction;
  return [{ [column]: order }, { id: direction }];
}
