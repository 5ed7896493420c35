import { beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { rotateLoginTokenAction, unlockLoginTokenAction } from "@/lib/login-tokens/actions";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { testDb } from "@/test/db";
import { createStaff, createToken, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

const redeem = (value: string) =>
  redeemLoginToken({ value, origin: null, meta: { ip: null, userAgent: "vitest" }, openSession: false, channel: "api", throttleKey: unique("rotate-tests") });

let staff: Record<"editor" | "viewer" | "noConfiguration", { id: string }>;

beforeAll(async () => {
  staff = { editor: await createStaff("editor"), viewer: await createStaff("viewer"), noConfiguration: await createStaff("noConfiguration") };
});

describe("rotating a token's value", () => {
  it("gives the editor a new value and link; the old value stops working at once and the counters stay", async () => {
    const token = await createToken({ successfulAttempts: 3, failedAttempts: 2 });
    signInAs(staff.editor);
    const result = await rotateLoginTokenAction({ id: token.id });
    const rotated = result.data!;
    expect(rotated.value).not.toBe(token.value);
    expect(rotated.loginUrl).toBe(`${env().APP_URL}/login/token?t=${rotated.value}`);

    expect((await redeem(token.value)).outcome).toBe("refused");
    expect((await redeem(rotated.value)).outcome).toBe("redeemed");
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 4, failedAttempts: 2 });
    const events = await testDb.auditEvent.findMany({
      where: { loginTokenId: token.id, action: "token.rotated" },
      select: { actorStaffId: true, details: true },
    });
    expect(events).toEqual([{ actorStaffId: staff.editor.id, details: { sessionsEnded: 0 } }]);
  });

  it.each(["viewer", "noConfiguration"] as const)("is refused to a %s, and the value stays", async (who) => {
    const token = await createToken();
    signInAs(staff[who]);
    expect((await rotateLoginTokenAction({ id: token.id })).serverError?.code).toBe("FORBIDDEN");
    signInAs(null);
    expect((await rotateLoginTokenAction({ id: token.id })).serverError?.code).toBe("UNAUTHENTICATED");
    expect((await redeem(token.value)).outcome).toBe("redeemed");
  });

  it("refuses a deleted token", async () => {
    const token = await createToken({ deletedAt: new Date() });
    signInAs(staff.editor);
    expect((await rotateLoginTokenAction({ id: token.id })).serverError?.code).toBe("TOKEN_NOT_FOUND");
  });
});

describe("unlocking a token", () => {
  const redeemFrom = (value: string, origin: string) =>
    redeemLoginToken({ value, origin, meta: { ip: null, userAgent: "vitest" }, openSession: false, channel: "api", throttleKey: unique("lock") });

  /** A referrer-bound token, locked by redemptions from the wrong origin. */
  async function lockedToken() {
    const token = await createToken({ referrer: "https://shop.example" });
    for (let i = 0; i < env().TOKEN_LOCKOUT_FAILURES; i++) await redeemFrom(token.value, "https://wrong.example");
    return token;
  }

  it("lets a locked token redeem again, starting its failures from zero, and audits the count before", async () => {
    const token = await lockedToken();
    // Locked: even the right origin is refused now.
    expect((await redeemFrom(token.value, "https://shop.example")).outcome).toBe("refused");
    const locked = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(locked.lockedAt).not.toBeNull();

    signInAs(staff.editor);
    expect((await unlockLoginTokenAction({ id: token.id })).data).toEqual({ unlocked: true });
    const unlocked = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(unlocked).toMatchObject({ lockedAt: null, failedAttempts: 0 });
    expect((await redeemFrom(token.value, "https://shop.example")).outcome).toBe("redeemed");
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.unlocked" } });
    expect(event).toMatchObject({ actorStaffId: staff.editor.id, details: { failedAttemptsBefore: locked.failedAttempts } });
  });

  it("is refused to a viewer, and says so when the token is not locked", async () => {
    const token = await lockedToken();
    signInAs(staff.viewer);
    expect((await unlockLoginTokenAction({ id: token.id })).serverError?.code).toBe("FORBIDDEN");
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).lockedAt).not.toBeNull();

    const open = await createToken();
    signInAs(staff.editor);
    expect((await unlockLoginTokenAction({ id: open.id })).serverError).toMatchObject({
      code: "TOKEN_NOT_LOCKED",
      message: "This token is not locked, or no longer exists.",
    });
  });
});
