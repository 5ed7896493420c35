import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { lockAdministratorsSql } from "@/lib/sql/lock-administrators";
import { issuePasswordLink, LINK_HOURS } from "@/lib/staff/password-links";

export interface StaffAccess {
  roles: StaffRole[];
  viewer: boolean;
  administrator: boolean;
}

const LAST_ADMIN = "Latchkey needs at least one active administrator: make someone else an administrator first.";

/** Serialises changes to who is an active administrator: two administrators demoting each other at once would leave none. */
async function lockAdministrators(tx: Prisma.TransactionClient) {
  await tx.$executeRaw(lockAdministratorsSql);
}

async function activeAdministratorsBesides(tx: Prisma.TransactionClient, id: string) {
  return tx.staffUser.count({ where: { administrator: true, deactivatedAt: null, id: { not: id } } });
}

/** Creates a staff member without a password and returns their set-password link (72 hours, once). */
export async function inviteStaff(input: { email: string; name: string } & StaffAccess, by: AuditContext): Promise<{ id: string; link: string }> {
  return db.$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new DomainError("A staff member with this email exists already.", "EMAIL_TAKEN", "email");
    }
    const staff = await tx.staffUser.create({ data: { ...input, passwordHash: null }, select: { id: true } });
    const link = await issuePasswordLink(staff.id, LINK_HOURS.invitation, tx);
    await recordAudit({ action: "staff.invited", ...by, details: { staffId: staff.id, staff: input.email, ...access(input) } }, tx);
    return { id: staff.id, link };
  });
}

const access = ({ roles, viewer, administrator }: StaffAccess) => ({ roles, viewer, administrator });

async function existing(tx: Prisma.TransactionClient, id: string) {
  const staff = await tx.staffUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, roles: true, viewer: true, administrator: true, deactivatedAt: true },
  });
  if (!staff) throw new DomainError("This staff member does not exist.", "STAFF_NOT_FOUND");
  return staff;
}

/** Changes name, roles, viewer flag and administrator; their sessions read the new access on their next request. */
export async function updateStaff(input: { id: string; name: string } & StaffAccess, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const before = await existing(tx, input.id);
    if (before.administrator && !input.administrator && !before.deactivatedAt && (await activeAdministratorsBesides(tx, input.id)) === 0) {
      throw new DomainError(LAST_ADMIN, "LAST_ADMINISTRATOR", "administrator");
    }
    const after = { name: input.name, ...access(input) };
    const changes = Object.fromEntries(
      (Object.keys(after) as Array<keyof typeof after>)
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        .map((key) => [key, { from: before[key], to: after[key] }]),
    );
    if (Object.keys(changes).length === 0) return;
    await tx.staffUser.update({ where: { id: input.id }, data: after });
    await recordAudit({ action: "staff.updated", ...by, details: { staffId: input.id, staff: before.email, changes } }, tx);
  });
}

/** Deactivates and ends every session of that person at once. Nobody deactivates themselves or the last administrator. */
export async function deactivateStaff(id: string, by: AuditContext): Promise<void> {
  if (by.actor.type === "STAFF" && by.actor.id === id) throw new DomainError("You cannot deactivate yourself. Ask another administrator.", "SELF_DEACTIVATION");
  await db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const staff = await existing(tx, id);
    if (staff.deactivatedAt) return;
    if (staff.administrator && (await activeAdministratorsBesides(tx, id)) === 0) throw new DomainError(LAST_ADMIN, "LAST_ADMINISTRATOR");
    await tx.staffUser.update({ where: { id }, data: { deactivatedAt: new Date() } });
    const { count } = await tx.staffSession.deleteMany({ where: { staffUserId: id } });
    await tx.staffPasswordLink.deleteMany({ where: { staffUserId: id, usedAt: null } });
    await recordAudit({ action: "staff.deactivated", ...by, details: { staffId: id, staff: staff.email, sessionsEnded: count } }, tx);
  });
}

export async function reactivateStaff(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const staff = await existing(tx, id);
    if (!staff.deactivatedAt) return;
    await tx.staffUser.update({ where: { id }, data: { deactivatedAt: null } });
    await recordAudit({ action: "staff.reactivated", ...by, details: { staffId: id, staff: staff.email } }, tx);
  });
}

/**
 * A new set-password link; the old password stops working at once and every
 * session ends, so whoever knew it is out.
 */
export async function resetStaffPassword(id: string, by: AuditContext): Promise<{ link: string }> {
  return db.$transaction(async (tx) => {
    const staff = await existing(tx, id);
    if (staff.deactivatedAt) throw new DomainError("Reactivate this staff member first.", "STAFF_DEACTIVATED");
    await tx.staffUser.update({ where: { id }, data: { passwordHash: null } });
    const { count } = await tx.staffSession.deleteMany({ where: { staffUserId: id } });
    const link = await issuePasswordLink(id, LINK_HOURS.reset, tx);
    await recordAudit({ action: "staff.password_reset", ...by, details: { staffId: id, staff: staff.email, sessionsEnded: count } }, tx);
    return { link };
  });
}
