import "server-only";
import { auditData, recordAudit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import type { LoginTokenSettings } from "@/lib/login-tokens/list-types";
import type { UserRef } from "@/lib/login-tokens/schemas";
import { decryptTokenValue, issueTokenValue, loginUrlFor } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import { findTokenUser, type TokenUser } from "@/lib/login-tokens/users";
import { checkAssistance } from "@/lib/people/assistance";
import { deleteLoginTokensSql } from "@/lib/sql/delete-login-tokens";
import { rotateLoginTokenSql } from "@/lib/sql/rotate-login-token";
import { unlockLoginTokenSql } from "@/lib/sql/unlock-login-token";

/**
 * What a token is made of, whichever door (dialog or API) it came through.
 * Whom it signs in is fixed here: an edit changes the settings only, so a
 * link already sent can never start signing in someone else.
 */
export interface NewLoginToken extends LoginTokenSettings {
  user: UserRef | null;
  reason: string | null;
  /** Delete the person's other live links made by staff, with the creation. */
  revokeOtherLinks?: boolean;
  /** The staff member holds impersonation.override: a person who denies assistance may still be signed in as. */
  assistanceOverride?: boolean;
}

/** The only moment the secret value leaves the server without a reveal. */
export interface IssuedLoginToken {
  id: string;
  value: string;
  loginUrl: string;
  expiresAt: Date | null;
  oneTimeUse: boolean;
  maxUses: number | null;
  user: TokenUser | null;
  extra: string | null;
  createdAt: Date;
  /** How many of the person's other links were revoked with it. */
  revoked: number;
}

function creatorOf(by: AuditContext) {
  return {
    createdByStaffId: by.actor.type === "STAFF" ? by.actor.id : null,
    createdByApiKeyId: by.actor.type === "API_KEY" ? by.actor.id : null,
  };
}

/** A one-time token works once, whatever `maxUses` says. */
const usesOf = (settings: Pick<LoginTokenSettings, "oneTimeUse" | "maxUses">) => (settings.oneTimeUse ? null : settings.maxUses);

const personOf = (user: TokenUser) => (user.type === "CONTACT" ? { contactId: user.id } : { customerId: user.id });

function userColumns(user: TokenUser | null) {
  return {
    userType: user?.type ?? null,
    contactId: user?.type === "CONTACT" ? user.id : null,
    customerId: user?.type === "CUSTOMER" ? user.id : null,
    userName: user?.name ?? null,
  };
}

export async function createLoginToken(input: NewLoginToken, by: AuditContext): Promise<IssuedLoginToken> {
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("The expiry must be in the future.", "VALIDATION_FAILED", "expiresAt");
  }
  if (env().REQUIRE_IMPERSONATION_REASON && input.user && !input.reason) {
    throw new DomainError("Say why you are signing in as this person.", "REASON_REQUIRED", "reason");
  }
  const user = input.user ? await findTokenUser(input.user) : null;
  const assistance = input.user ? await checkAssistance(input.user, input.assistanceOverride ?? false) : { overridden: false };
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(tokenKeys());

  const token = await db.$transaction(async (tx) => {
    const created = await tx.loginToken.create({
      data: {
        tokenHash,
        tokenCiphertext,
        ...userColumns(user),
        expiresAt: input.expiresAt,
        oneTimeUse: input.oneTimeUse,
        maxUses: usesOf(input),
        useWindowMinutes: input.useWindowMinutes,
        extra: input.extra,
        referrer: input.referrer,
        redirectPath: input.redirectPath,
        reason: user ? input.reason : null,
        ...creatorOf(by),
      },
      select: { id: true, createdAt: true },
    });
    // The new link replaces the old ones: they stop, with their sessions, in the same transaction.
    const others =
      user && input.revokeOtherLinks
        ? await tx.loginToken.findMany({
            where: { ...personOf(user), createdByStaffId: { not: null }, deletedAt: null, id: { not: created.id } },
            select: { id: true },
          })
        : [];
    const revoked = await deleteLoginTokens(
      others.map((other) => other.id),
      by,
      tx,
    );
    await recordAudit(
      {
        action: "token.created",
        ...by,
        loginTokenId: created.id,
        details: {
          user: user ? { type: user.type, id: user.id, name: user.name } : null,
          expiresAt: input.expiresAt?.toISOString() ?? null,
          oneTimeUse: input.oneTimeUse,
          maxUses: usesOf(input),
          useWindowMinutes: input.useWindowMinutes,
          referrer: input.referrer,
          redirectPath: input.redirectPath,
          reason: user ? input.reason : null,
          ...(revoked > 0 ? { revokedOtherLinks: revoked } : {}),
          ...(assistance.overridden ? { assistanceOverridden: true } : {}),
        },
      },
      tx,
    );
    return { ...created, revoked };
  });

  return {
    id: token.id,
    value,
    loginUrl: loginUrlFor(value, env().APP_URL),
    expiresAt: input.expiresAt,
    oneTimeUse: input.oneTimeUse,
    maxUses: usesOf(input),
    user,
    extra: input.extra,
    createdAt: token.createdAt,
    revoked: token.revoked,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Saves an edit only if nobody changed the token since `expectedUpdatedAt`
 * (one conditional UPDATE), and audits each changed field as old → new.
 */
export async function updateLoginToken(id: string, expectedUpdatedAt: Date, changes: LoginTokenSettings, by: AuditContext) {
  const current = await db.loginToken.findFirst({
    where: { id, deletedAt: null, usedAt: null },
    select: { expiresAt: true, oneTimeUse: true, maxUses: true, useWindowMinutes: true, extra: true, referrer: true, redirectPath: true, updatedAt: true },
  });
  if (!current) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");

  const expiryChanged = iso(current.expiresAt) !== iso(changes.expiresAt);
  if (expiryChanged && changes.expiresAt && changes.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("The expiry must be in the future.", "VALIDATION_FAILED", "expiresAt");
  }
  const diff: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> = {};
  if (expiryChanged) diff.expiresAt = { from: iso(current.expiresAt), to: iso(changes.expiresAt) };
  const wanted = { ...changes, maxUses: usesOf(changes) };
  for (const field of ["oneTimeUse", "maxUses", "useWindowMinutes", "extra", "referrer", "redirectPath"] as const) {
    if (current[field] !== wanted[field]) diff[field] = { from: current[field], to: wanted[field] };
  }

  return db.$transaction(async (tx) => {
    const { count } = await tx.loginToken.updateMany({
      where: { id, deletedAt: null, usedAt: null, updatedAt: expectedUpdatedAt },
      data: {
        expiresAt: changes.expiresAt,
        oneTimeUse: changes.oneTimeUse,
        maxUses: wanted.maxUses,
        useWindowMinutes: changes.useWindowMinutes,
        extra: changes.extra,
        referrer: changes.referrer,
        redirectPath: changes.redirectPath,
      },
    });
    if (count === 0) {
      throw new DomainError("Someone else changed this token while you were editing. Close the dialog and open it again to see their changes.", "STALE_EDIT");
    }
    if (Object.keys(diff).length > 0) {
      await recordAudit({ action: "token.updated", ...by, loginTokenId: id, details: { changes: diff } }, tx);
    }
    return tx.loginToken.findUniqueOrThrow({ where: { id }, select: { id: true, updatedAt: true } });
  });
}

/**
 * Soft-deletes the tokens that are still there and audits each, in ONE
 * statement: the deletion and its audit events commit together, and 10,000
 * tokens cost one round trip, not a transaction held open while rows are sent.
 */
export async function deleteLoginTokens(ids: string[], by: AuditContext, writer: Pick<Prisma.TransactionClient, "$queryRaw"> = db): Promise<number> {
  if (ids.length === 0) return 0;
  const actor = auditData({ action: "token.deleted", ...by });
  const deleted = await writer.$queryRaw<{ login_token_id: string }[]>(deleteLoginTokensSql(ids, actor));
  return deleted.length;
}

/** Decrypts a token's value for an authorised editor; every reveal is audited. */
export async function revealLoginToken(id: string, by: AuditContext): Promise<{ value: string; loginUrl: string }> {
  const token = await db.loginToken.findFirst({ where: { id, deletedAt: null, usedAt: null }, select: { tokenCiphertext: true } });
  if (!token) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");
  const value = decryptTokenValue(token.tokenCiphertext, tokenKeys());
  await recordAudit({ action: "token.revealed", ...by, loginTokenId: id });
  return { value, loginUrl: loginUrlFor(value, env().APP_URL) };
}

/**
 * Gives a token a new value: the old link stops working at once, so do the
 * webshop sessions it opened, the new one is shown to the editor (audited
 * like a reveal), and the counters stay.
 */
export async function rotateLoginToken(id: string, by: AuditContext): Promise<{ value: string; loginUrl: string }> {
  const keys = tokenKeys();
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(keys);
  await db.$transaction(async (tx) => {
    const count = await tx.$executeRaw(rotateLoginTokenSql(id, tokenHash, tokenCiphertext, keys.hmacKeyId));
    if (count === 0) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");
    // A rotation answers a leaked link, so whoever used the old value is signed out too.
    const ended = await tx.shopSession.deleteMany({ where: { loginTokenId: id } });
    await recordAudit({ action: "token.rotated", ...by, loginTokenId: id, details: { sessionsEnded: ended.count } }, tx);
  });
  return { value, loginUrl: loginUrlFor(value, env().APP_URL) };
}

/**
 * Lifts a lockout. The failed attempts start again from zero, or the next
 * failure would lock the token straight away; the count before is in the audit event.
 */
export async function unlockLoginToken(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const [unlocked] = await tx.$queryRaw<{ failed_before: number }[]>(unlockLoginTokenSql(id));
    if (!unlocked) throw new DomainError("This token is not locked, or no longer exists.", "TOKEN_NOT_LOCKED");
    await recordAudit({ action: "token.unlocked", ...by, loginTokenId: id, details: { failedAttemptsBefore: unlocked.failed_before } }, tx);
  });
}
