import "server-only";
import QRCode from "qrcode";
import type { AuditContext } from "@/lib/audit";
import { apiUser } from "@/lib/api/api-user";
import { ApiError } from "@/lib/api/errors";
import { API_LIST_SORT, encodeListCursor } from "@/lib/api/list-cursor";
import {
  type CreateLoginTokenBody,
  type CreatedLoginTokenResponse,
  type ListLoginTokensQuery,
  type LoginTokenListResponse,
  type LoginTokenResponse,
} from "@/lib/api/schemas";
import { env } from "@/lib/env";
import { createLoginToken } from "@/lib/login-tokens/mutations";
import { findLoginTokenRecord, findLoginTokenRecords, type LoginTokenRecord } from "@/lib/login-tokens/queries";
import type { UserRef } from "@/lib/login-tokens/schemas";
import { statusOf } from "@/lib/login-tokens/status";
import { loginTokenFiltersFromQuery, type LoginTokenFilters } from "@/lib/login-tokens/table-filters";
import { findTokenUsersByEmail, fullName } from "@/lib/login-tokens/users";

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

function toApiLoginToken(row: LoginTokenRecord, now: Date): LoginTokenResponse {
  const person = row.contact ?? row.customer;
  const status = statusOf(row, now);
  // The queries never select a deleted token; a used one reads USED.
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
 * A page in the API's order (newest first), after the cursor's row: the
 * table's keyset and seek (lib/login-tokens/queries.ts) over the same
 * filters. Tokens created between two calls sort before the cursor, so they
 * shift nothing, and a deep page costs what the first one does.
 */
export async function listLoginTokensForApi(query: ListLoginTokensQuery): Promise<LoginTokenListResponse> {
  const now = new Date();
  const { keys, rows } = await findLoginTokenRecords(filtersOf(query), API_LIST_SORT, query.cursor ?? null, query.limit + 1, now);
  // One row more than the page says whether there is a next one.
  const last = keys.length > query.limit ? keys[query.limit - 1] : undefined;
  return {
    data: rows.slice(0, query.limit).map((row) => toApiLoginToken(row, now)),
    nextCursor: last ? encodeListCursor(last) : null,
  };
}

/** A live token, or a one-time token that was used; tokens deleted by staff or the API are gone. */
export async function findLoginTokenForApi(id: string): Promise<LoginTokenResponse> {
  const row = await findLoginTokenRecord(id);
  if (!row) throw new ApiError("TOKEN_NOT_FOUND");
  return toApiLoginToken(row, new Date());
}
