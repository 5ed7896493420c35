import "server-only";
import QRCode from "qrcode";
import type { AuditContext } from "@/lib/audit";
import { apiUser } from "@/lib/api/api-user";
import { ApiError } from "@/lib/api/errors";
import {
  encodeCursor,
  type CreateLoginTokenBody,
  type CreatedLoginTokenResponse,
  type ListLoginTokensQuery,
  type LoginTokenListResponse,
  type LoginTokenResponse,
} from "@/lib/api/schemas";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createLoginToken } from "@/lib/login-tokens/mutations";
import type { UserRef } from "@/lib/login-tokens/schemas";
import { statusOf } from "@/lib/login-tokens/status";
import { loginTokenFiltersFromQuery, type LoginTokenFilters } from "@/lib/login-tokens/table-filters";
import { findTokenUsersByEmail, fullName, personSelect } from "@/lib/login-tokens/users";
import { loginTokenWhere } from "@/lib/login-tokens/where";

const iso = (date: Date | null) => date?.toISOString() ?? null;

async function userOf(body: CreateLoginTokenBody): Promise<UserRef | null> {
  if (body.contactId != null) return { type: "CONTACT", id: body.contactId };
  if (body.customerId != null) return { type: "CUSTOMER", id: body.customerId };
  if (body.email == null) return null;
  const users = await findTokenUsersByEmail(body.email);
  if (users.length === 0) throw new ApiError("EMAIL_NOT_FOUND", { details: [{ path: "email", message: "No contact or customer has this email address." }] });
  if (users.length > 1)
    throw new ApiError("EMAIL_AMBIGUOUS", { details: [{ path: "email", message: "Both a contact and a customer have this email address." }] });
  return { type: users[0]!.type, id: users[0]!.id };
}

/** The login link as a PNG a phone can scan; the same link as `loginUrl`. */
export function qrCodeFor(loginUrl: string): Promise<string> {
  return QRCode.toDataURL(loginUrl, { errorCorrectionLevel: "M", margin: 2, width: 320, type: "image/png" });
}

export async function createLoginTokenForApi(body: CreateLoginTokenBody, by: AuditContext): Promise<CreatedLoginTokenResponse> {
  const user = await userOf(body);
  const expiresAt = body.expiresIn != null ? new Date(Date.now() + body.expiresIn * 1000) : new Date(body.expiresAt!);
  const issued = await createLoginToken(
    {
      user,
      expiresAt,
      // A number of uses is itself the choice against one time use.
      oneTimeUse: body.oneTimeUse ?? (body.maxUses != null ? false : env().DEFAULT_ONE_TIME_USE),
      maxUses: body.maxUses ?? null,
      useWindowMinutes: body.validForMinutesAfterFirstUse ?? null,
      revokeOtherLinks: body.revokeOtherLinks,
      extra: body.extra || null,
      referrer: body.referrer ?? null,
      redirectPath: body.redirectPath ?? null,
      reason: body.reason || null,
    },
    by,
  );
  return {
    id: issued.id,
    token: issued.value,
    loginUrl: issued.loginUrl,
    qrCode: await qrCodeFor(issued.loginUrl),
    expiresAt: expiresAt.toISOString(),
    oneTimeUse: issued.oneTimeUse,
    maxUses: issued.maxUses,
    user: apiUser(issued.user),
    extra: issued.extra,
    createdAt: issued.createdAt.toISOString(),
    revokedOtherLinks: issued.revoked,
  };
}

const person = { select: personSelect } as const;

// Exactly what the API shows: never the hash or the ciphertext of the value.
const LOGIN_TOKEN_API_SELECT = {
  id: true,
  userType: true,
  contact: person,
  customer: person,
  expiresAt: true,
  oneTimeUse: true,
  maxUses: true,
  useWindowMinutes: true,
  extra: true,
  referrer: true,
  redirectPath: true,
  successfulAttempts: true,
  failedAttempts: true,
  lastAccessedAt: true,
  usedAt: true,
  lockedAt: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  createdByStaff: { select: { name: true } },
  createdByApiKey: { select: { name: true } },
} as const satisfies Prisma.LoginTokenSelect;

type LoginTokenRow = Prisma.LoginTokenGetPayload<{ select: typeof LOGIN_TOKEN_API_SELECT }>;

function toApiLoginToken(row: LoginTokenRow, now: Date): LoginTokenResponse {
  const person = row.contact ?? row.customer;
  const status = statusOf(row, now);
  // The queries never select a token deleted by staff or the API (a used one-time token is soft-deleted too, but reads USED).
  if (status === "DELETED") throw new Error(`Deleted login token ${row.id} reached the API's output`);
  return {
    id: row.id,
    status,
    user: person && row.userType ? { type: row.userType, id: person.id, name: fullName(person), email: person.email } : null,
    expiresAt: iso(row.expiresAt),
    oneTimeUse: row.oneTimeUse,
    maxUses: row.maxUses,
    validForMinutesAfterFirstUse: row.useWindowMinutes,
    extra: row.extra,
    referrer: row.referrer,
    redirectPath: row.redirectPath,
    successfulAttempts: row.successfulAttempts,
    failedAttempts: row.failedAttempts,
    lastAccessedAt: iso(row.lastAccessedAt),
    usedAt: iso(row.usedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdByStaff
      ? { type: "STAFF", name: row.createdByStaff.name }
      : row.createdByApiKey
        ? { type: "API_KEY", name: row.createdByApiKey.name }
        : null,
  };
}

/** The query's filters, each read by its own declaration (lib/login-tokens/table-filters.ts). */
export function filtersOf(query: ListLoginTokensQuery): LoginTokenFilters {
  return loginTokenFiltersFromQuery(query);
}

/**
 * A page in (created_at desc, id desc) order, starting after the cursor's row.
 * A keyset rather than an offset: tokens created between two calls sort
 * before the cursor, so they shift nothing, and a deep page costs what the
 * first one does (the index on (created_at desc, id desc)).
 */
export async function listLoginTokensForApi(query: ListLoginTokensQuery): Promise<LoginTokenListResponse> {
  const now = new Date();
  const and: Prisma.LoginTokenWhereInput[] = [loginTokenWhere(filtersOf(query), now)];
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    // The redundant `lte` bounds the index scan; the OR alone would not.
    and.push({ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await db.loginToken.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: LOGIN_TOKEN_API_SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => toApiLoginToken(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** A live token, or a one-time token that was used; tokens deleted by staff or the API are gone. */
export async function findLoginTokenForApi(id: string): Promise<LoginTokenResponse> {
  const row = await db.loginToken.findFirst({
    where: { id, deletedAt: null },
    select: LOGIN_TOKEN_API_SELECT,
  });
  if (!row) throw new ApiError("TOKEN_NOT_FOUND");
  return toApiLoginToken(row, new Date());
}
