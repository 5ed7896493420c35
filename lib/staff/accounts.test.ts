import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/mutations";
import type { AuditContext } from "@/lib/audit";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { deactivateStaff, inviteStaff, reactivateStaff, resetStaffPassword, updateStaff } from "@/lib/staff/accounts";
import { LINK_NOT_VALID, setPasswordWithLink, usableLink } from "@/lib/staff/password-links";
import { principalForSession } from "@/lib/staff/sessions";
import { testDb } from "@/test/db";
import { createStaff, unique } from "@/test/factories";

const meta = { ip: "198.51.100.9", userAgent: "staff-tests" };
const PASSWORD = "plenty of characters here";

async function asAdministrator(): Promise<AuditContext & { id: string }> {
  const admin = await createStaff("administrator");
  return { id: admin.id, actor: { type: "STAFF", id: admin.id, name: admin.name }, meta };
}

const secretOf = (link: string) => link.split("/set-password/")[1]!;
const invitee = () => ({
  email: `${unique("invitee")}@staff.test`,
  name: unique("Invitee"),
  roles: ["CONFIGURATION" as const],
  viewer: false,
  administrator: false,
});
const signIn = (email: string, password = PASSWORD) => authorizeStaff({ email, password }, { ip: unique("ip"), userAgent: "staff-tests" });

async function invitedAndSignedIn(by: AuditContext) {
  const input = invitee();
  const { id, link } = await inviteStaff(input, by);
  await setPasswordWithLink({ secret: secretOf(link), password: PASSWORD }, meta);
  const user = await signIn(input.email);
  return { id, email: input.email, sessionId: user!.sessionId };
}

describe("staff accounts", () => {
  it("invite → set password with the link → sign in; the link works once and is stored as a hash", async () => {
    const by = await asAdministrator();
    const input = invitee();
    const { id, link } = await inviteStaff(input, by);
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    const stored = await testDb.staffPasswordLink.findFirstOrThrow({ where: { staffUserId: id } });
    expect(Buffer.from(stored.secretHash).toString("base64url")).not.toBe(secretOf(link));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(await signIn(input.email)).toBeNull();

    expect(await usableLink(secretOf(link))).toMatchObject({ kind: "password", email: input.email });
    await setPasswordWithLink({ secret: secretOf(link), password: PASSWORD }, meta);
    expect(await signIn(input.email)).toMatchObject({ id });
    expect(await usableLink(secretOf(link))).toBeNull();
    await expect(setPasswordWithLink({ secret: secretOf(link), password: "another long password" }, meta)).rejects.toThrow(LINK_NOT_VALID);
    expect(await testDb.auditEvent.findFirst({ where: { action: "staff.invited", actorStaffId: by.id } })).toMatchObject({
      details: expect.objectContaining({ staffId: id, staff: input.email }),
    });
  });

  it("an expired link gets the same message as an unknown one", async () => {
    const by = await asAdministrator();
    const { id, link } = await inviteStaff(invitee(), by);
    await testDb.staffPasswordLink.updateMany({ where: { staffUserId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await usableLink(secretOf(link))).toBeNull();
    await expect(setPasswordWithLink({ secret: secretOf(link), password: PASSWORD }, meta)).rejects.toThrow(LINK_NOT_VALID);
    await expect(setPasswordWithLink({ secret: "x".repeat(43), password: PASSWORD }, meta)).rejects.toThrow(LINK_NOT_VALID);
  });

  it("refuses a common password at its field and uses nothing up", async () => {
    const by = await asAdministrator();
    const { link } = await inviteStaff(invitee(), by);
    await expect(setPasswordWithLink({ secret: secretOf(link), password: "123qweasdzxc" }, meta)).rejects.toMatchObject({
      field: "password",
      code: "COMMON_PASSWORD",
    });
    expect(await usableLink(secretOf(link))).not.toBeNull();
  });

  it("deactivation ends every session of that person at once, and they cannot sign in again until reactivated", async () => {
    const by = await asAdministrator();
    const person = await invitedAndSignedIn(by);
    const other = await signIn(person.email);
    await deactivateStaff(person.id, by);
    expect(await principalForSession(person.sessionId)).toBeNull();
    expect(await principalForSession(other!.sessionId)).toBeNull();
    expect(await testDb.staffSession.count({ where: { staffUserId: person.id } })).toBe(0);
    expect(await signIn(person.email)).toBeNull();
    await reactivateStaff(person.id, by);
    expect(await signIn(person.email)).toMatchObject({ id: person.id });
    expect(
      await testDb.auditEvent.findMany({
        where: { action: { in: ["staff.deactivated", "staff.reactivated"] }, actorStaffId: by.id },
        select: { action: true },
      }),
    ).toEqual([{ action: "staff.deactivated" }, { action: "staff.reactivated" }]);
  });

  it("a password reset stops the old password and ends every session", async () => {
    const by = await asAdministrator();
    const person = await invitedAndSignedIn(by);
    const { link } = await resetStaffPassword(person.id, by);
    expect(await principalForSession(person.sessionId)).toBeNull();
    expect(await signIn(person.email)).toBeNull();
    await setPasswordWithLink({ secret: secretOf(link), password: "a brand new long password" }, meta);
    expect(await signIn(person.email, "a brand new long password")).toMatchObject({ id: person.id });
  });

  it("nobody deactivates themselves, and the last active administrator stays one", async () => {
    await testDb.staffUser.updateMany({ where: { administrator: true }, data: { administrator: false } });
    const by = await asAdministrator();
    await expect(deactivateStaff(by.id, by)).rejects.toThrow("You cannot deactivate yourself");
    const other = await asAdministrator();
    await expect(updateStaff({ id: by.id, name: "Still", roles: [], viewer: false, administrator: false }, other)).resolves.toBeUndefined();
    await expect(updateStaff({ id: other.id, name: "Last", roles: [], viewer: false, administrator: false }, other)).rejects.toMatchObject({
      code: "LAST_ADMINISTRATOR",
      field: "administrator",
    });
    await expect(deactivateStaff(other.id, by)).rejects.toMatchObject({ code: "LAST_ADMINISTRATOR" });
    expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ administrator: true, deactivatedAt: null });
  });

  it("records a change as old → new", async () => {
    const by = await asAdministrator();
    const { id } = await inviteStaff(invitee(), by);
    await updateStaff({ id, name: "Renamed", roles: ["CONFIGURATION", "ORDERS"], viewer: true, administrator: false }, by);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "staff.updated", actorStaffId: by.id } });
    expect(event.details).toMatchObject({
      staffId: id,
      changes: { name: { to: "Renamed" }, roles: { from: ["CONFIGURATION"], to: ["CONFIGURATION", "ORDERS"] }, viewer: { from: false, to: true } },
    });
  });

  it("API keys belong to the installation: a key made by someone who is deactivated keeps working", async () => {
    const by = await asAdministrator();
    const person = await invitedAndSignedIn(by);
    const key = await createApiKey(unique("key"), { actor: { type: "STAFF", id: person.id, name: "Person" }, meta });
    await deactivateStaff(person.id, by);
    const { GET } = await import("@/app/api/v1/login-tokens/route");
    const response = await GET(new Request("http://localhost:3999/api/v1/login-tokens", { headers: { authorization: `Bearer ${key.key}` } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
  });
});
