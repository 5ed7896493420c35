import "server-only";
import type { AuditAction } from "@/lib/audit-log/audit-actions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listTokenSessions, type TokenSession } from "@/lib/shop/token-sessions";
import { describeUserAgent } from "@/lib/user-agent";

/** How much of a token's story the dialog tells; the audit log, filtered to the token, has the rest. */
export const TOKEN_ACTIVITY_LIMIT = 30;

export interface TokenActivityEvent {
  id: string;
  at: Date;
  action: AuditAction;
  /** The staff member or API key, or null for a visitor. */
  actor: string | null;
  ip: string | null;
  browser: string | null;
  userAgent: string | null;
  details: Prisma.JsonValue | null;
}

export interface TokenActivity {
  events: TokenActivityEvent[];
  /** More events than shown. */
  more: boolean;
  sessions: (TokenSession & { browser: string | null })[];
}

/** A token's latest audit events (newest first, from the token's own index) and its live webshop sessions. */
export async function getTokenActivity(loginTokenId: string): Promise<TokenActivity> {
  const [rows, sessions] = await Promise.all([
    db.auditEvent.findMany({
      where: { loginTokenId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: TOKEN_ACTIVITY_LIMIT + 1,
      select: { id: true, createdAt: true, action: true, actorLabel: true, ip: true, userAgent: true, details: true },
    }),
    listTokenSessions(loginTokenId),
  ]);
  return {
    events: rows.slice(0, TOKEN_ACTIVITY_LIMIT).map((row) => ({
      id: row.id.toString(),
      at: row.createdAt,
      action: row.action as AuditAction,
      actor: row.actorLabel,
      ip: row.ip,
      browser: describeUserAgent(row.userAgent),
      userAgent: row.userAgent,
      details: row.details,
    })),
    more: rows.length > TOKEN_ACTIVITY_LIMIT,
    sessions: sessions.map((session) => ({ ...session, browser: describeUserAgent(session.userAgent) })),
  };
}
