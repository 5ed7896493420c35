import "server-only";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestMeta } from "@/lib/request-meta";

// Writing last_seen_at on every request would turn each page view into an
// UPDATE; once a minute keeps the idle limit exact to the minute.
const SEEN_REFRESH_MS = 60_000;

export const PRINCIPAL_SELECT = { id: true, email: true, name: true, roles: true, viewer: true, administrator: true } as const;

/** Opens a session row for a staff member who just proved who they are; its id goes into the cookie. */
export async function openStaffSession(staffUserId: string, meta: RequestMeta, { viaSingleSignOn = false } = {}): Promise<string> {
  const [session] = await db.$transaction([
    db.staffSession.create({ data: { staffUserId, ip: meta.ip, userAgent: meta.userAgent, viaSingleSignOn }, select: { id: true } }),
    db.staffUser.update({ where: { id: staffUserId }, data: { lastSignInAt: new Date() }, select: { id: true } }),
    db.staffSession.deleteMany({ where: { staffUserId, ...expired() } }),
  ]);
  return session.id;
}

function limits(now = Date.now()) {
  const { STAFF_SESSION_IDLE_MINUTES, STAFF_SESSION_MAX_HOURS } = env();
  return { idleSince: new Date(now - STAFF_SESSION_IDLE_MINUTES * 60_000), startedSince: new Date(now - STAFF_SESSION_MAX_HOURS * 3_600_000) };
}

function expired() {
  const { idleSince, startedSince } = limits();
  return { OR: [{ lastSeenAt: { lt: idleSince } }, { createdAt: { lt: startedSince } }] };
}

/**
 * Whether REQUIRE_STAFF_MFA asks this staff member for a second factor they
 * lack. "editors" are those who can change something: administrators, and
 * staff with a role who are not viewers. A session opened through the
 * identity provider is not asked: the provider answers for its own factors.
 */
function mfaSetupRequired(staff: StaffPrincipal & { totpSecretCiphertext: Uint8Array | null }, viaSingleSignOn: boolean): boolean {
  const policy = env().REQUIRE_STAFF_MFA;
  if (policy === "off" || viaSingleSignOn || staff.totpSecretCiphertext !== null) return false;
  return policy === "all" || staff.administrator || (staff.roles.length > 0 && !staff.viewer);
}

/**
 * The staff member behind a session id, or null when the session was ended,
 * has been idle too long, is older than the absolute limit, or its staff
 * member is deactivated. Marks the session as seen.
 */
export async function principalForSession(sessionId: string): Promise<(StaffPrincipal & { sessionId: string }) | null> {
  const now = Date.now();
  const { idleSince, startedSince } = limits(now);
  const session = await db.staffSession.findFirst({
    where: { id: sessionId, lastSeenAt: { gte: idleSince }, createdAt: { gte: startedSince }, staffUser: { deactivatedAt: null } },
    select: { lastSeenAt: true, viaSingleSignOn: true, staffUser: { select: { ...PRINCIPAL_SELECT, totpSecretCiphertext: true } } },
  });
  if (!session) return null;
  if (now - session.lastSeenAt.getTime() >= SEEN_REFRESH_MS) {
    await db.staffSession.updateMany({ where: { id: sessionId, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: new Date(now) } });
  }
  const { id, email, name, roles, viewer, administrator } = session.staffUser;
  return { id, email, name, roles, viewer, administrator, mfaSetupRequired: mfaSetupRequired(session.staffUser, session.viaSingleSignOn), sessionId };
}

export async function endStaffSession(sessionId: string): Promise<void> {
  await db.staffSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a staff member, but the one given (their own, when they end "all others"). */
export async function endStaffSessionsOf(staffUserId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db.staffSession.deleteMany({ where: { staffUserId, ...(options.except ? { id: { not: options.except } } : {}) } });
  return count;
}

/** A staff member's live sessions, newest first, for My account. */
export async function activeSessionsOf(staffUserId: string) {
  const { idleSince, startedSince } = limits();
  return db.staffSession.findMany({
    where: { staffUserId, lastSeenAt: { gte: idleSince }, createdAt: { gte: startedSince } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}
