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

/** What an edit may change: the settings and whom the token signs in. */
export interface LoginTokenChanges extends LoginTokenSettings {
  user: UserRef | null;
}

/** What a token is made of, whichever door (dialog or API) it came through. */
export interface NewLoginToken extends LoginTokenChanges {
  reason: string | null;
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
  user: TokenUser | null;
  extra: string | null;
  createdAt: Date;
}

function creatorOf(by: AuditContext) {
  return {
    createdByStaffId: by.actor.type === "STAFF" ? by.actor.id : null,
    createdByApiKeyId: by.actor.type === "API_KEY" ? by.actor.id : null,
  };
}

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
        extra: input.extra,
        referrer: input.referrer,
        redirectPath: input.redirectPath,
        reason: user ? input.reason : null,
        ...creatorOf(by),
      },
      select: { id: true, createdAt: true },
    });
    await recordAudit(
      {
        action: "token.created",
        ...by,
        loginTokenId: created.id,
        details: {
          user: user ? { type: user.type, id: user.id, name: user.name } : null,
          expiresAt: input.expiresAt?.toISOString() ?? null,
          oneTimeUse: input.oneTimeUse,
          referrer: input.referrer,
          redirectPath: input.redirectPath,
          reason: user ? input.reason : null,
          ...(assistance.overridden ? { assistanceOverridden: true } : {}),
        },
      },
      tx,
    );
    return created;
  });

  return {
    id: token.id,
    value,
    loginUrl: loginUrlFor(value, env().APP_URL),
    expiresAt: input.expiresAt,
    oneTimeUse: input.oneTimeUse,
    user,
    extra: input.extra,
    createdAt: token.createdAt,
  };
}


const sameUser = (a: UserRef | null, b: UserRef | null) => a?.type === b?.type && a?.id === b?.id;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Saves an edit only if nobody changed the token since `expectedUpdatedAt`
 * (one conditional UPDATE), and audits each changed field as old → new.
 */
export async function updateLoginToken(id: string, expectedUpdatedAt: Date, changes: LoginTokenChanges, by: AuditContext) {
  const current = await db.loginToken.findFirst({
    where: { id, deletedAt: null },
    select: { userType: true, contactId: true, customerId: true, expiresAt: true, oneTimeUse: true, extra: true, referrer: true, redirectPath: true, updatedAt: true },
  });
  if (!current) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");

  const currentUser: UserRef | null = current.contactId
    ? { type: "CONTACT", id: current.contactId }
    : current.customerId
      ? { type: "CUSTOMER", id: current.customerId }
      : null;
  const expiryChanged = iso(current.expiresAt) !== iso(changes.expiresAt);
  if (expiryChanged && changes.expiresAt && changes.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("The expiry must be in the future.", "VALIDATION_FAILED", "expiresAt");
  }
  const user = sameUser(currentUser, changes.user) || !changes.user ? null : await findTokenUser(changes.user);
  // A token moved to another person is as good as a new one for them; the override is for New Login Token.
  if (user && changes.user) await checkAssistance(changes.user, false);

  const diff: Record<string, { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null }> = {};
  if (!sameUser(currentUser, changes.user)) diff.user = { from: currentUser, to: changes.user };
  if (expiryChanged) diff.expiresAt = { from: iso(current.expiresAt), to: iso(changes.expiresAt) };
  for (const field of ["oneTimeUse", "extra", "referrer", "redirectPath"] as const) {
    if (current[field] !== changes[field]) diff[field] = { from: current[field], to: changes[field] };
  }

  return db.$transaction(async (tx) => {
    const { count } = await tx.loginToken.updateMany({
      where: { id, deletedAt: null, updatedAt: expectedUpdatedAt },
      data: {
        ...(diff.user ? (changes.user ? userColumns(user) : userColumns(null)) : {}),
        expiresAt: changes.expiresAt,
        oneTimeUse: changes.oneTimeUse,
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
export async function deleteLoginTokens(ids: string[], by: AuditContext): Promise<number> {
  const actor = auditData({ action: "token.deleted", ...by });
  const deleted = await db.$queryRaw<{ login_token_id: string }[]>`
    WITH deleted AS (
      UPDATE login_tokens SET deleted_at = now(), updated_at = now()
      WHERE id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
      RETURNING id
    )
    INSERT INTO audit_events (action, actor_type, actor_staff_id, actor_api_key_id, actor_label, login_token_id, ip, user_agent)
    SELECT 'token.deleted', ${actor.actorType}::"ActorType", ${actor.actorStaffId}::uuid, ${actor.actorApiKeyId}::uuid, ${actor.actorLabel}, id, ${actor.ip}, ${actor.userAgent}
    FROM deleted
    RETURNING login_token_id`;
  return deleted.length;
}

/** Decrypts a token's value for an authorised editor; every reveal is audited. */
export async function revealLoginToken(id: string, by: AuditContext): Promise<{ value: string; loginUrl: string }> {
  const token = await db.loginToken.findFirst({ where: { id, deletedAt: null }, select: { tokenCiphertext: true } });
  if (!token) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");
  const value = decryptTokenValue(token.tokenCiphertext, tokenKeys());
  await recordAudit({ action: "token.revealed", ...by, loginTokenId: id });
  return { value, loginUrl: loginUrlFor(value, env().APP_URL) };
}

/**
 * Gives a token a new value: the old link stops working at once, the new one
 * is shown to the editor (audited like a reveal), and the counters stay.
 */
export async function rotateLoginToken(id: string, by: AuditContext): Promise<{ value: string; loginUrl: string }> {
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(tokenKeys());
  await db.$transaction(async (tx) => {
    // Raw, so that updated_at stays: it guards edits of the settings (an editor may rotate and then save in
    // the same dialog), and the rotation itself is in the audit log.
    const count = await tx.$executeRaw`
      UPDATE login_tokens SET token_hash = ${Buffer.from(tokenHash)}, token_ciphertext = ${Buffer.from(tokenCiphertext)}
      WHERE id = ${id}::uuid AND deleted_at IS NULL`;
    if (count === 0) throw new DomainError("This token no longer exists; it may have been deleted or used.", "TOKEN_NOT_FOUND");
    await recordAudit({ action: "token.rotated", ...by, loginTokenId: id }, tx);
  });
  return { value, loginUrl: loginUrlFor(value, env().APP_URL) };
}

/**
 * Lifts a lockout. The failed attempts start again from zero, or the next
 * failure would lock the token straight away; the count before is in the audit event.
 */
export async function unlockLoginToken(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const [unlocked] = await tx.$queryRaw<{ failed_before: number }[]>`
      UPDATE login_tokens t SET locked_at = NULL, failed_attempts = 0, updated_at = now()
      FROM (SELECT id, failed_attempts FROM login_tokens WHERE id = ${id}::uuid FOR UPDATE) before
      WHERE t.id = before.id AND t.deleted_at IS NULL AND t.locked_at IS NOT NULL
      RETURNING before.failed_attempts AS failed_before`;
    if (!unlocked) throw new DomainError("This token is not locked, or no longer exists.", "TOKEN_NOT_LOCKED");
    await recordAudit({ action: "token.unlocked", ...by, loginTokenId: id, details: { failedAttemptsBefore: unlocked.failed_before } }, tx);
  });
}
