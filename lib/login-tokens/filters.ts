import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The conditions of the Successful/Failed Attempt filters (= ≠ < ≤ > ≥). */
export const NUMBER_OPERATORS = ["eq", "ne", "lt", "lte", "gt", "gte"] as const;
export const numberConditionSchema = z.object({ op: z.enum(NUMBER_OPERATORS), value: z.number().int().min(0).max(2_147_483_647) });
export type NumberCondition = z.infer<typeof numberConditionSchema>;

/** From (inclusive) and to (exclusive) instants; either end may be open. */
export const dateRangeSchema = z.object({ from: z.date().optional(), to: z.date().optional() });
export type DateRange = z.infer<typeof dateRangeSchema>;

// The filters themselves are declared in table-filters.ts.
export type { LoginTokenFilters } from "@/lib/login-tokens/table-filters";

/**
 * Sortable columns. Each order matches an index scanned forwards or backwards
 * (see prisma/schema.prisma); `nullsLast` says where empty values go when
 * sorting descending, which fixes them for ascending too. The id breaks ties
 * so that pages never overlap.
 */
export const LOGIN_TOKEN_SORTS = {
  name: { column: "userName", nullable: true, nullsLastWhenDesc: false },
  type: { column: "userType", nullable: true, nullsLastWhenDesc: false },
  expiresAt: { column: "expiresAt", nullable: true, nullsLastWhenDesc: false },
  lastAccessedAt: { column: "lastAccessedAt", nullable: true, nullsLastWhenDesc: true },
  successfulAttempts: { column: "successfulAttempts", nullable: false, nullsLastWhenDesc: false },
  failedAttempts: { column: "failedAttempts", nullable: false, nullsLastWhenDesc: false },
  oneTimeUse: { column: "oneTimeUse", nullable: false, nullsLastWhenDesc: false },
  createdAt: { column: "createdAt", nullable: false, nullsLastWhenDesc: false },
  updatedAt: { column: "updatedAt", nullable: false, nullsLastWhenDesc: false },
} as const satisfies Record<string, { column: keyof Prisma.LoginTokenOrderByWithRelationInput; nullable: boolean; nullsLastWhenDesc: boolean }>;
export type LoginTokenSortKey = keyof typeof LOGIN_TOKEN_SORTS;
export const loginTokenSortKeySchema = z.enum(Object.keys(LOGIN_TOKEN_SORTS) as [LoginTokenSortKey, ...LoginTokenSortKey[]]);

export interface LoginTokenSort {
  key: LoginTokenSortKey;
  direction: "asc" | "desc";
}

/** Whether `sort` puts empty values after the others; descending and ascending are each other's exact reverse. */
export function sortsNullsLast({ key, direction }: LoginTokenSort): boolean {
  const { nullsLastWhenDesc } = LOGIN_TOKEN_SORTS[key];
  return direction === "desc" ? nullsLastWhenDesc : !nullsLastWhenDesc;
}

export const DEFAULT_LOGIN_TOKEN_SORT: LoginTokenSort = { key: "createdAt", direction: "desc" };
