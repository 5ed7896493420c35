import { beforeAll, describe, expect, it } from "vitest";
import { authorizeStaff, SignInThrottledError } from "@/lib/auth/authorize-staff";
import { hashPassword } from "@/lib/auth/password";
import { delayAfter, FREE_FAILURES } from "@/lib/auth/sign-in-throttle";
import { signInProblem } from "@/lib/auth/sign-in-messages";
import { env } from "@/lib/env";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";

const PASSWORD = "correct horse battery staple";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function newStaff() {
  const name = unique("signin");
  return testDb.staffUser.create({
    data: { email: `${name}@staff.test`, name, passwordHash, roles: ["CONFIGURATION"] },
    select: { id: true, email: true },
  });
}

/** Each test its own address, so address counts never leak between tests. */
const from = (ip: string) => ({ ip, userAgent: "sign-in-tests" });
const randomIp = () => unique("client");

describe("staff sign-in", () => {
  it("signs in with the right password and audits it, and refuses a wrong one with a failed-sign-in event", async () => {
    const staff = await newStaff();
    const ip = randomIp();
    expect(await authorizeStaff({ email: staff.email, password: "wrong" }, from(ip))).toBeNull();
    expect(await authorizeStaff({ email: staff.email.toUpperCase(), password: PASSWORD }, from(ip))).toMatchObject({ id: staff.id });
    const events = await testDb.auditEvent.findMany({ where: { ip }, orderBy: { id: "asc" }, select: { action: true, actorStaffId: true, details: true } });
    expect(events).toEqual([
      { action: "staff.signin_failed", actorStaffId: null, details: { email: staff.email } },
      { action: "staff.signin", actorStaffId: staff.id, details: null },
    ]);
  });

  it("refuses an account after the allowed failures, even with the right password, and says how long to wait", async () => {
    const staff = await newStaff();
    const ip = randomIp();
    for (let i = 0; i < env().SIGNIN_THROTTLE_MAX_FAILURES; i++) {
      expect(await authorizeStaff({ email: staff.email, password: `wrong-${i}` }, from(ip))).toBeNull();
    }
    const refusal = await authorizeStaff({ email: staff.email, password: PASSWORD }, from(randomIp())).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SignInThrottledError);
    const wait = (refusal as SignInThrottledError).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(env().SIGNIN_THROTTLE_WINDOW_SECONDS);
    expect(signInProblem((refusal as Error).message)).toMatch(/^Too many failed sign-ins\. .* try again in \d+ minutes?\.$/);
  });

  it("refuses an address that fails across many accounts, while other addresses still sign in", async () => {
    const ip = randomIp();
    const limit = env().SIGNIN_THROTTLE_MAX_FAILURES_PER_ADDRESS;
    for (let i = 0; i < limit; i++) {
      await authorizeStaff({ email: `${unique("nobody")}@staff.test`, password: "guess" }, from(ip));
    }
    const staff = await newStaff();
    await expect(authorizeStaff({ email: staff.email, password: PASSWORD }, from(ip))).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await authorizeStaff({ email: staff.email, password: PASSWORD }, from(randomIp()))).toMatchObject({ id: staff.id });
  });

  it("forgives an account's failures after a successful sign-in", async () => {
    const staff = await newStaff();
    const ip = randomIp();
    const limit = env().SIGNIN_THROTTLE_MAX_FAILURES;
    for (let i = 0; i < limit - 1; i++) await authorizeStaff({ email: staff.email, password: "wrong" }, from(ip));
    expect(await authorizeStaff({ email: staff.email, password: PASSWORD }, from(ip))).not.toBeNull();
    expect(await authorizeStaff({ email: staff.email, password: "wrong" }, from(ip))).toBeNull();
    expect(await authorizeStaff({ email: staff.email, password: PASSWORD }, from(ip))).not.toBeNull();
  });

  it("slows attempts down after the free failures, more with each one, up to a ceiling", () => {
    expect(delayAfter(FREE_FAILURES)).toBe(0);
    expect(delayAfter(FREE_FAILURES + 1)).toBeGreaterThan(0);
    expect(delayAfter(FREE_FAILURES + 2)).toBeGreaterThan(delayAfter(FREE_FAILURES + 1));
    expect(delayAfter(1_000)).toBe(delayAfter(10_000));
  });
});
