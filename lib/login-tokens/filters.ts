import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { userRefSchema, userTypeSchema } from "@/lib/login-tokens/schemas";
import { LOGIN_TOKEN_STATUSES } from "@/lib/login-tokens/status";

/** The conditions of the Successful/Failed Attempt filters (= ≠ < ≤ > ≥). */
export const NUMBER_OPERATORS = ["eq", "ne", "lt", "lte", "gt", "gte"] as const;
export const numberConditionSchema = z.object({ op: z.enum(NUMBER_OPERATORS), value: z.number().int().min(0).max(2_147_483_647) });
export type NumberCondition = z.infer<typeof numberConditionSchema>;

/** From (inclusive) and to (exclusive) instants; either end may be open. */
export const dateRangeSchema = z.object({ from: z.date().optional(), to: z.date().optional() });
export type DateRange = z.infer<typeof dateRangeSchema>;

/**
 * Every filter of the table and the API, already parsed from the URL or the
 * query string. No status means every token but the deleted ones, used
 * one-time tokens included; USED finds those, the other statuses leave them
 * out. Tokens deleted by staff or the API are never listed.
 */
export const loginTokenFiltersSchema = z.object({
  /** Token values or public ids, pasted together. */
  ids: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  user: userRefSchema.nullable().default(null),
  userType: userTypeSchema.nullable().default(null),
  expiresAt: dateRangeSchema.default({}),
  createdAt: dateRangeSchema.default({}),
  updatedAt: dateRangeSchema.default({}),
  successfulAttempts: numberConditionSchema.nullable().default(null),
  failedAttempts: numberConditionSchema.nullable().default(null),
  oneTimeUse: z.boolean().nullable().default(null),
  status: z
    .enum(LOGIN_TOKEN_STATUSES.filter((s) => s !== "DELETED") as ["ACTIVE", "EXPIRED", "USED", "LOCKED"])
    .nullable()
    .default(null),
});
export type LoginTokenFilters = z.infer<typeof loginTokenFiltersSchema>;

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
