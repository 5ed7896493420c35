import { describe, expect, it } from "vitest";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { authOptions } from "@/lib/auth/config";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { hashPassword } from "@/lib/auth/password";
import { currentStaff } from "@/lib/auth/session";
import { endStaffSessionsOf, principalForSession } from "@/lib/staff/sessions";
import { testDb } from "@/test/db";
import { personId, unique } from "@/test/factories";
import { presentSession } from "@/test/staff-session";

const PASSWORD = "a long and proper password";

const createCompanyAction = staffAction
  .metadata({ name: "test.createCompany", permission: "loginTokens.write" })
  .inputSchema(z.object({ name: z.string() }))
  .action(async ({ parsedInput }) => (await testDb.company.create({ data: { id: personId(), name: parsedInput.name } })).id);

async function signedIn() {
  const name = unique("session");
  const staff = await testDb.staffUser.create({
    data: { email: `${name}@staff.test`, name, passwordHash: await hashPassword(PASSWORD), roles: ["CONFIGURATION"] },
    select: { id: true, email: true },
  });
  const user = await authorizeStaff({ email: staff.email, password: PASSWORD }, { ip: unique("ip"), userAgent: "session-tests" });
  if (!user) throw new Error("sign-in failed");
  return { staff, sessionId: user.sessionId };
}

const ago = (ms: number) => new Date(Date.now() - ms);
const MINUTE = 60_000;

describe("staff sessions", () => {
  it("sign-in opens a session row that the guard accepts, and records the sign-in", async () => {
    const { staff, sessionId } = await signedIn();
    presentSession(sessionId);
    expect(await currentStaff()).toMatchObject({ id: staff.id, sessionId });
    expect((await createCompanyAction({ name: unique("in") })).data).toEqual(expect.any(Number));
    const row = await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { lastSignInAt: true } });
    expect(row.lastSignInAt).not.toBeNull();
  });

  it("after Sign out, the replayed cookie is refused by the guard and writes nothing", async () => {
    const { sessionId } = await signedIn();
    await authOptions.events!.signOut!({ token: { sessionId }, session: null as never });
    presentSession(sessionId);
    const name = unique("replayed");
    expect((await createCompanyAction({ name })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await testDb.company.count({ where: { name } })).toBe(0);
    expect(await testDb.staffSession.count({ where: { id: sessionId } })).toBe(0);
  });

  it("ends after STAFF_SESSION_IDLE_MINUTES without a request", async () => {
    const { sessionId } = await signedIn();
    await testDb.staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: ago(59 * MINUTE) } });
    expect(await principalForSession(sessionId)).not.toBeNull();
    await testDb.staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: ago(61 * MINUTE) } });
    expect(await principalForSession(sessionId)).toBeNull();
  });

  it("ends STAFF_SESSION_MAX_HOURS after sign-in, however busy", async () => {
    const { sessionId } = await signedIn();
    await testDb.staffSession.update({ where: { id: sessionId }, data: { createdAt: ago(8 * 60 * MINUTE - MINUTE) } });
    expect(await principalForSession(sessionId)).not.toBeNull();
    await testDb.staffSession.update({ where: { id: sessionId }, data: { createdAt: ago(8 * 60 * MINUTE + MINUTE), lastSeenAt: new Date() } });
    expect(await principalForSession(sessionId)).toBeNull();
  });

  it("marks a session seen at most once a minute", async () => {
    const { sessionId } = await signedIn();
    const recent = ago(30_000);
    await testDb.staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: recent } });
    await principalForSession(sessionId);
    expect((await testDb.staffSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(recent);
    await testDb.staffSession.update({ where: { id: sessionId }, data: { lastSeenAt: ago(2 * MINUTE) } });
    await principalForSession(sessionId);
    expect((await testDb.staffSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("signs nobody in for a deactivated staff member, even with a live row", async () => {
    const { staff, sessionId } = await signedIn();
    await testDb.staffUser.update({ where: { id: staff.id }, data: { deactivatedAt: new Date() } });
    expect(await principalForSession(sessionId)).toBeNull();
    expect(await authorizeStaff({ email: staff.email, password: PASSWORD }, { ip: unique("ip"), userAgent: null })).toBeNull();
  });

  it("ending all others keeps the current session only", async () => {
    const first = await signedIn();
    const second = await authorizeStaff({ email: first.staff.email, password: PASSWORD }, { ip: unique("ip"), userAgent: null });
    expect(await endStaffSessionsOf(first.staff.id, { except: first.sessionId })).toBe(1);
    expect(await principalForSession(second!.sessionId)).toBeNull();
    expect(await principalForSession(first.sessionId)).not.toBeNull();
  });
});
