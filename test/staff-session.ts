import { testDb } from "./db";

let staffId: string | null = null;
let pinnedSessionId: string | null = null;
const sessionOf = new Map<string, string>();
let headerValues: Record<string, string> = { "x-forwarded-for": "203.0.113.7", "user-agent": "latchkey-tests" };

/** Makes the next server action run as this staff member (or as nobody), in a session row of their own. */
export function signInAs(staff: { id: string } | null) {
  staffId = staff?.id ?? null;
  pinnedSessionId = null;
}

/** Makes the next server action present this session id, as a replayed cookie would. */
export function presentSession(sessionId: string | null) {
  staffId = null;
  pinnedSessionId = sessionId;
}

/** The session id the next server action presents: the row opened at the first call as this staff member. */
export async function signedInSessionId(): Promise<string | null> {
  if (pinnedSessionId) return pinnedSessionId;
  if (!staffId) return null;
  let id = sessionOf.get(staffId);
  if (!id) {
    id = (await testDb.staffSession.create({ data: { staffUserId: staffId, userAgent: "latchkey-tests" }, select: { id: true } })).id;
    sessionOf.set(staffId, id);
  }
  return id;
}

export function setRequestHeaders(values: Record<string, string>) {
  headerValues = values;
}

export function testRequestHeaders() {
  return new Headers(headerValues);
}
