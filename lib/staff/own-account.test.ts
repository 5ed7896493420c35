import { describe, expect, it } from "vitest";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { hashPassword } from "@/lib/auth/password";
import { changePasswordAction, endOtherSessionsAction, endSessionAction } from "@/lib/staff/account-actions";
import { principalForSession } from "@/lib/staff/sessions";
import { testDb } from "@/test/db";
import { createStaff, PRINCIPALS, unique } from "@/test/factories";
import { presentSession, signInAs } from "@/test/staff-session";

const PASSWORD = "the current long password";
const signIn = (email: string, password = PASSWORD) =>
  authorizeStaff(
    { email, password },
    { ip: unique("ip"), userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36" },
  );

async function withTwoSessions() {
  const name = unique("own");
  const staff = await testDb.staffUser.create({
    data: { email: `${name}@staff.test`, name, passwordHash: await hashPassword(PASSWORD), roles: [] },
    select: { id: true, email: true },
  });
  const here = (await signIn(staff.email))!.sessionId;
  const there = (await signIn(staff.email))!.sessionId;
  return { staff, here, there };
}

describe("My account", () => {
  it("changes the password only with the current one, keeps this session and ends the others", async () => {
    const { staff, here, there } = await withTwoSessions();
    presentSession(here);
    expect((await changePasswordAction({ current: "wrong", password: "a new long password", confirm: "a new long password" })).serverError).toMatchObject({
      field: "current",
    });
    expect((await changePasswordAction({ current: PASSWORD, password: "short", confirm: "short" })).validationErrors?.fieldErrors.password).toEqual([
      "At least 12 characters.",
    ]);
    expect((await changePasswordAction({ current: PASSWORD, password: "1qaz2wsx3edc", confirm: "1qaz2wsx3edc" })).serverError).toMatchObject({
      field: "password",
      code: "COMMON_PASSWORD",
    });
    expect(
      (await changePasswordAction({ current: PASSWORD, password: "a new long password", confirm: "another one" })).validationErrors?.fieldErrors.confirm,
    ).toBeDefined();
    expect(await signIn(staff.email)).not.toBeNull();

    expect((await changePasswordAction({ current: PASSWORD, password: "a new long password", confirm: "a new long password" })).data).toEqual({ done: true });
    expect(await principalForSession(here)).not.toBeNull();
    expect(await principalForSession(there)).toBeNull();
    expect(await signIn(staff.email)).toBeNull();
    expect(await signIn(staff.email, "a new long password")).not.toBeNull();
  });

  it("ends one of one's own sessions, or all others, but never someone else's", async () => {
    const mine = await withTwoSessions();
    const theirs = await withTwoSessions();
    presentSession(mine.here);
    expect((await endSessionAction({ id: theirs.there })).data).toEqual({ ended: 0 });
    expect(await principalForSession(theirs.there)).not.toBeNull();
    expect((await endSessionAction({ id: mine.there })).data).toEqual({ ended: 1 });
    expect(await principalForSession(mine.there)).toBeNull();
    const third = (await signIn(mine.staff.email))!.sessionId;
    expect((await endOtherSessionsAction()).data).toEqual({ ended: 1 });
    expect(await principalForSession(third)).toBeNull();
    expect(await principalForSession(mine.here)).not.toBeNull();
  });

  it("is open to every kind of signed-in staff member, and to nobody else", async () => {
    for (const kind of Object.keys(PRINCIPALS) as (keyof typeof PRINCIPALS)[]) {
      signInAs(await createStaff(kind));
      expect((await endOtherSessionsAction()).data).toEqual({ ended: 0 });
    }
    signInAs(null);
    expect((await endOtherSessionsAction()).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
