import "server-only";
import { UAParser } from "ua-parser-js";
import { activeSessionsOf } from "@/lib/staff/sessions";

export interface OwnSession {
  id: string;
  browser: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

function browserOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const { browser, os } = UAParser(userAgent);
  const name = [browser.name, browser.major].filter(Boolean).join(" ");
  return [name || "Unknown browser", os.name].filter(Boolean).join(" on ");
}

/** A staff member's live sessions for My account, the current one marked. */
export async function ownSessions(staffId: string, currentSessionId: string): Promise<OwnSession[]> {
  const sessions = await activeSessionsOf(staffId);
  return sessions.map((session) => ({
    id: session.id,
    browser: browserOf(session.userAgent),
    ip: session.ip,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current: session.id === currentSessionId,
  }));
}
