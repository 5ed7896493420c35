import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { refuseCommonPassword } from "@/lib/staff/common-passwords";

/** Changes one's own password; every other session ends, this one stays. */
export async function changeOwnPassword(staffId: string, sessionId: string, input: { current: string; password: string }, by: AuditContext): Promise<void> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { passwordHash: true } });
  if (!(await verifyPassword(staff.passwordHash, input.current))) throw new DomainError("This is not your current password.", "WRONG_PASSWORD", "current");
  refuseCommonPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staffId }, data: { passwordHash } });
    const { count } = await tx.staffSession.deleteMany({ where: { staffUserId: staffId, id: { not: sessionId } } });
    await recordAudit({ action: "staff.password_changed", ...by, details: { sessionsEnded: count } }, tx);
  });
}

/** Ends sessions of one's own: one of them, or all but the current one. */
export async function endOwnSessions(staffId: string, which: { id: string } | { allBut: string }, by: AuditContext): Promise<number> {
  return db.$transaction(async (tx) => {
    const where = "id" in which ? { staffUserId: staffId, id: which.id } : { staffUserId: staffId, id: { not: which.allBut } };
    const { count } = await tx.staffSession.deleteMany({ where });
    await recordAudit({ action: "staff.sessions_ended", ...by, details: { sessionsEnded: count } }, tx);
    return count;
  });
}
