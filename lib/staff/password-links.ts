import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StaffRole } from "@/lib/generated/prisma/enums";
import { consumePasswordLinkSql } from "@/lib/sql/consume-password-link";
import { lockStaffUsersSql } from "@/lib/sql/lock-staff-users";
import { refuseCommonPassword } from "@/lib/staff/common-passwords";

export const LINK_HOURS = { setUp: 1, invitation: 72, reset: 72 } as const;

/** The one message for a link that is unknown, used or expired: which of them it is tells an attacker something. */
export const LINK_NOT_VALID = "This link is not valid any more. Ask an administrator for a new one.";

const secretHash = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

type Writer = Pick<Prisma.TransactionClient, "staffPasswordLink">;

/**
 * Makes a set-password link for a staff member (or, without one, the first-run
 * set-up link) and returns its address. Only the secret's hash is stored; a
 * new link replaces the person's earlier ones.
 */
export async function issuePasswordLink(staffUserId: string | null, hours: number, writer: Writer = db): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await writer.staffPasswordLink.deleteMany({ where: { staffUserId, usedAt: null } });
  await writer.staffPasswordLink.create({ data: { secretHash: secretHash(secret), staffUserId, expiresAt: new Date(Date.now() + hours * 3_600_000) } });
  return `${env().APP_URL}/set-password/${secret}`;
}

/** What a usable link is for, or null: set-up (no staff yet) or a named staff member's password. */
export async function usableLink(secret: string): Promise<{ kind: "setUp" } | { kind: "password"; name: string; email: string } | null> {
  const link = await db.staffPasswordLink.findFirst({
    where: { secretHash: secretHash(secret), usedAt: null, expiresAt: { gt: new Date() } },
    select: { staffUser: { select: { name: true, email: true, deactivatedAt: true } } },
  });
  if (!link) return null;
  if (!link.staffUser) return (await administratorExists()) ? null : { kind: "setUp" };
  if (link.staffUser.deactivatedAt) return null;
  return { kind: "password", name: link.staffUser.name, email: link.staffUser.email };
}

export async function administratorExists(): Promise<boolean> {
  return (await db.staffUser.count({ where: { administrator: true, deactivatedAt: null } })) > 0;
}

/** Uses a link once: the UPDATE … WHERE used_at IS NULL lets exactly one of two concurrent uses through. */
async function consume(tx: Prisma.TransactionClient, secret: string) {
  const [link] = await tx.$queryRaw<Array<{ staff_user_id: string | null }>>(consumePasswordLinkSql(secretHash(secret)));
  if (!link) throw new DomainError(LINK_NOT_VALID, "LINK_NOT_VALID");
  return link.staff_user_id;
}

/**
 * Sets the password of the link's staff member. Every session they had ends:
 * after a reset, whoever knew the old password is out.
 */
export async function setPasswordWithLink(input: { secret: string; password: string }, meta: AuditContext["meta"]): Promise<void> {
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const staffUserId = await consume(tx, input.secret);
    if (!staffUserId) throw new DomainError(LINK_NOT_VALID, "LINK_NOT_VALID");
    const staff = await tx.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, select: { name: true, deactivatedAt: true } });
    if (staff.deactivatedAt) throw new DomainError(LINK_NOT_VALID, "LINK_NOT_VALID");
    await tx.staffUser.update({ where: { id: staffUserId }, data: { passwordHash } });
    await tx.staffSession.deleteMany({ where: { staffUserId } });
    await recordAudit({ action: "staff.password_set", actor: { type: "STAFF", id: staffUserId, name: staff.name }, meta }, tx);
  });
}

/** The first-run set-up: creates the first administrator, with every role. */
export async function setUpFirstAdministrator(
  input: { secret: string; email: string; name: string; password: string },
  meta: AuditContext["meta"],
): Promise<void> {
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    if (await consume(tx, input.secret)) throw new DomainError(LINK_NOT_VALID, "LINK_NOT_VALID");
    // Serialises two set-ups racing with two links: the second finds the first's administrator.
    await tx.$executeRaw(lockStaffUsersSql);
    if ((await tx.staffUser.count({ where: { administrator: true, deactivatedAt: null } })) > 0) throw new DomainError(LINK_NOT_VALID, "LINK_NOT_VALID");
    if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new DomainError("A staff member with this email exists already.", "EMAIL_TAKEN", "email");
    }
    const staff = await tx.staffUser.create({
      data: { email: input.email, name: input.name, passwordHash, roles: Object.values(StaffRole), administrator: true },
      select: { id: true, name: true },
    });
    await recordAudit({ action: "staff.set_up", actor: { type: "STAFF", id: staff.id, name: staff.name }, meta, details: { email: input.email } }, tx);
  });
}
