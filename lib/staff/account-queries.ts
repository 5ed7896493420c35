import "server-only";
import { activeSessionsOf } from "@/lib/staff/sessions";
import { describeUserAgent } from "@/lib/user-agent";

export interface OwnSession {
  id: string;
  browser: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** A staff member's live sessions for My account, the current one marked. */
export async function ownSessions(staffId: string, currentSessionId: string): Promise<OwnSession[]> {
  const sessions = await activeSessionsOf(staffId);
  return sessions.map((session) => ({
    id: session.id,
    browser: describeUserAgent(session.userAgent) ?? "Unknown browser",
    ip: session.ip,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current: session.id === currentSessionId,
  }));
}
