import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { pool } from "@/lib/pg";
import { TOUCH_SHOP_SESSION } from "@/lib/sql/touch-shop-session";
import { hashSessionValue } from "@/lib/redemption/session-hash";

/** How often the storefront writes a session's last use: often enough to read, rarely enough to cost nothing. */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

export interface TokenSession {
  id: string;
  openedAt: Date;
  ip: string | null;
  userAgent: string | null;
  lastSeenAt: Date | null;
  expiresAt: Date;
}

/** The live webshop sessions a token opened, newest first (a token rarely has more than a few). */
export async function listTokenSessions(loginTokenId: string): Promise<TokenSession[]> {
  const rows = await db.shopSession.findMany({
    where: { loginTokenId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, ip: true, userAgent: true, lastSeenAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(({ createdAt, ...row }) => ({ ...row, openedAt: createdAt }));
}

/** Ends one of a token's sessions, or (without `sessionId`) all of them, audited with how many ended. */
export async function endTokenSessions(loginTokenId: string, sessionId: string | undefined, by: AuditContext): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.shopSession.deleteMany({ where: { loginTokenId, ...(sessionId ? { id: sessionId } : {}) } });
    if (sessionId && count === 0) throw new DomainError("This session has already ended.", "SESSION_NOT_FOUND");
    await recordAudit({ action: "token.sessions_ended", ...by, loginTokenId, details: { sessionsEnded: count, ...(sessionId ? { sessionId } : {}) } }, tx);
    return count;
  });
}

/** Stamps a session's last use, at most once per LAST_SEEN_RESOLUTION_SECONDS (the condition makes other requests a no-op). */
export async function touchShopSession(cookieValue: string): Promise<void> {
  await pool().query({
    ...TOUCH_SHOP_SESSION,
    values: [Buffer.from(hashSessionValue(cookieValue)), LAST_SEEN_RESOLUTION_SECONDS],
  });
}
