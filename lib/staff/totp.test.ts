import { generate, generateSync } from "otplib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authorizeStaff, SecondFactorRequiredError, SecondFactorWrongError, SignInThrottledError } from "@/lib/auth/authorize-staff";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { decryptTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import { inviteStaffAction } from "@/lib/staff/actions";
import { beginTotpSetupAction, changePasswordAction, confirmTotpSetupAction, removeTotpAction } from "@/lib/staff/account-actions";
import { openStaffSession, principalForSession } from "@/lib/staff/sessions";
import { testDb } from "@/test/db";
import { PRINCIPALS, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";
import { presentSession, signInAs } from "@/test/staff-session";

// What lies outside the unit: the installation's REQUIRE_STAFF_MFA choice.
vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));

const PASSWORD = "a long and private password";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

afterEach(() => {
  vi.useRealTimers();
});

type Kind = keyof typeof PRINCIPALS;

async function newStaff(kind: Kind = "editor") {
  const name = unique(`totp-${kind}`);
  return testDb.staffUser.create({ data: { email: `${name}@staff.test`, name, passwordHash, ...PRINCIPALS[kind] }, select: { id: true, email: true } });
}

/** Time stands still at a second into a 30-second step, so that "this step" and "the next" are exact. */
function freezeTimeAtStepStart() {
  const start = (Math.floor(Date.now() / 30_000) + 1) * 30_000 + 1_000;
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  return { epoch: start / 1000, advanceSteps: (steps: number) => vi.setSystemTime(start + steps * 30_000) };
}

const codeAt = (secret: string, epoch: number) => generateSync({ secret, epoch });

/** A staff member with the authenticator set up through My account, as the person would. */
async function withTotp(kind: Kind = "editor") {
  const staff = await newStaff(kind);
  signInAs(staff);
  const setup = (await beginTotpSetupAction()).data!;
  const recoveryCodes = (await confirmTotpSetupAction({ pending: setup.pending, code: await generate({ secret: setup.secret }) })).data!.recoveryCodes;
  return { ...staff, secret: setup.secret, recoveryCodes };
}

const from = () => ({ ip: unique("totp-ip"), userAgent: "totp-tests" });
const signIn = (email: string, code?: string, meta = from()) => authorizeStaff({ email, password: PASSWORD, ...(code === undefined ? {} : { code }) }, meta);
const refusal = (attempt: Promise<unknown>) => attempt.then(() => null).catch((error: unknown) => error);

describe("setting up TOTP on My account", () => {
  it("stores the secret only once a code proves the app has it, encrypted, with recovery codes kept only as hashes", async () => {
    const staff = await newStaff();
    signInAs(staff);
    const setup = (await beginTotpSetupAction()).data!;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.qrCode).toMatch(/^data:image\/png;base64,/);

    const wrong = await confirmTotpSetupAction({ pending: setup.pending, code: "000000" === (await generate({ secret: setup.secret })) ? "111111" : "000000" });
    expect(wrong.serverError).toMatchObject({ code: "WRONG_CODE", field: "code" });
    expect((await confirmTotpSetupAction({ pending: setup.pending, code: "12ab" })).validationErrors?.fieldErrors.code).toEqual([
      "Enter the 6-digit code your app shows.",
    ]);
    expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { totpSecretCiphertext: true } })).toEqual({
      totpSecretCiphertext: null,
    });

    const codes = (await confirmTotpSetupAction({ pending: setup.pending, code: await generate({ secret: setup.secret }) })).data!.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const row = await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { totpSecretCiphertext: true, recoveryCodeHashes: true } });
    expect(Buffer.from(row.totpSecretCiphertext!).includes(setup.secret)).toBe(false);
    expect(decryptTokenValue(row.totpSecretCiphertext!, tokenKeys())).toBe(setup.secret);
    expect(row.recoveryCodeHashes).toHaveLength(10);
    for (const hash of row.recoveryCodeHashes) expect(codes.some((code) => Buffer.from(hash).includes(code))).toBe(false);
    expect(await testDb.auditEvent.count({ where: { actorStaffId: staff.id, action: "staff.mfa_enabled" } })).toBe(1);
  });

  it("refuses a set-up that belongs to someone else, and a second set-up over the first", async () => {
    const mine = await withTotp();
    const other = await newStaff();
    signInAs(other);
    const theirs = (await beginTotpSetupAction()).data!;
    signInAs(mine);
    expect((await confirmTotpSetupAction({ pending: theirs.pending, code: await generate({ secret: theirs.secret }) })).serverError).toMatchObject({
      code: "SETUP_EXPIRED",
    });
    const again = (await beginTotpSetupAction()).data!;
    expect((await confirmTotpSetupAction({ pending: again.pending, code: await generate({ secret: again.secret }) })).serverError).toMatchObject({
      code: "ALREADY_SET_UP",
    });
    const row = await testDb.staffUser.findUniqueOrThrow({ where: { id: mine.id }, select: { totpSecretCiphertext: true } });
    expect(decryptTokenValue(row.totpSecretCiphertext!, tokenKeys())).toBe(mine.secret);
  });

  it("is open to every staff member for their own account, administrator or not, and to nobody signed out", async () => {
    for (const kind of Object.keys(PRINCIPALS) as Kind[]) {
      signInAs(await newStaff(kind));
      expect((await beginTotpSetupAction()).data?.secret, kind).toEqual(expect.any(String));
    }
    signInAs(null);
    expect((await beginTotpSetupAction()).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await confirmTotpSetupAction({ pending: "x", code: "123456" })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await removeTotpAction({ proof: PASSWORD })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("signing in with TOTP", () => {
  it("asks for the code only after the right password, and accepts the current code and one a step early or late", async () => {
    const time = freezeTimeAtStepStart();
    const staff = await withTotp();
    expect(await authorizeStaff({ email: staff.email, password: "wrong" }, from())).toBeNull();
    expect(await refusal(signIn(staff.email))).toBeInstanceOf(SecondFactorRequiredError);

    time.advanceSteps(2);
    expect(await signIn(staff.email, codeAt(staff.secret, time.epoch + 30))).toMatchObject({ id: staff.id });
    expect(await signIn(staff.email, codeAt(staff.secret, time.epoch + 60))).toMatchObject({ id: staff.id });
    time.advanceSteps(4);
    expect(await signIn(staff.email, codeAt(staff.secret, time.epoch + 150))).toMatchObject({ id: staff.id });
  });

  it("refuses a wrong code, a code two steps old, and a code used once already or older than the last one", async () => {
    const staff = await withTotp();
    const time = freezeTimeAtStepStart();
    const now = codeAt(staff.secret, time.epoch);
    const wrong = now === "000000" ? "999999" : "000000";
    expect(await refusal(signIn(staff.email, wrong))).toBeInstanceOf(SecondFactorWrongError);
    expect(await refusal(signIn(staff.email, codeAt(staff.secret, time.epoch - 60)))).toBeInstanceOf(SecondFactorWrongError);
    expect(await refusal(signIn(staff.email, codeAt(staff.secret, time.epoch + 60)))).toBeInstanceOf(SecondFactorWrongError);

    expect(await signIn(staff.email, now)).toMatchObject({ id: staff.id });
    expect(await refusal(signIn(staff.email, now))).toBeInstanceOf(SecondFactorWrongError);
    // The previous step's code is inside the window but older than the one just used.
    expect(await refusal(signIn(staff.email, codeAt(staff.secret, time.epoch - 30)))).toBeInstanceOf(SecondFactorWrongError);

    const events = await testDb.auditEvent.findMany({ where: { action: "staff.signin_failed", details: { path: ["email"], equals: staff.email } } });
    expect(events).toHaveLength(5);
    expect(events.every((event) => (event.details as { reason?: string }).reason === "second factor")).toBe(true);
  });

  it("lets two sign-ins racing with one code have exactly one winner", async () => {
    const staff = await withTotp();
    const time = freezeTimeAtStepStart();
    const code = codeAt(staff.secret, time.epoch + 30);
    const results = await Promise.allSettled([signIn(staff.email, code), signIn(staff.email, code), signIn(staff.email, code)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("accepts each recovery code once, typed in any case and with or without dashes", async () => {
    const staff = await withTotp();
    const [first, second] = staff.recoveryCodes as [string, string];
    expect(await signIn(staff.email, first.toUpperCase().replaceAll("-", ""))).toMatchObject({ id: staff.id });
    expect(await refusal(signIn(staff.email, first))).toBeInstanceOf(SecondFactorWrongError);
    expect(await signIn(staff.email, ` ${second} `)).toMatchObject({ id: staff.id });
    const row = await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { recoveryCodeHashes: true } });
    expect(row.recoveryCodeHashes).toHaveLength(8);
    const signins = await testDb.auditEvent.findMany({
      where: { action: "staff.signin", actorStaffId: staff.id },
      orderBy: { id: "asc" },
      select: { details: true },
    });
    expect(signins.map((event) => event.details)).toEqual([{ secondFactor: "recovery" }, { secondFactor: "recovery" }]);
  });

  it("counts wrong codes toward the sign-in throttle: at the limit even the right password and code are refused", async () => {
    const staff = await withTotp();
    const time = freezeTimeAtStepStart();
    const right = codeAt(staff.secret, time.epoch);
    const wrong = right === "000000" ? "999999" : "000000";
    for (let i = 0; i < env().SIGNIN_THROTTLE_MAX_FAILURES; i++) {
      expect(await refusal(signIn(staff.email, wrong))).toBeInstanceOf(SecondFactorWrongError);
    }
    expect(await refusal(signIn(staff.email, right))).toBeInstanceOf(SignInThrottledError);
    expect(await refusal(signIn(staff.email, staff.recoveryCodes[0]))).toBeInstanceOf(SignInThrottledError);
    // The refused attempts used nothing up.
    expect((await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { recoveryCodeHashes: true } })).recoveryCodeHashes).toHaveLength(10);
  }, 60_000);
});

describe("removing TOTP", () => {
  it("needs a current code or the password, and then sign-in asks for no code", async () => {
    const staff = await withTotp();
    const time = freezeTimeAtStepStart();
    signInAs(staff);
    expect((await removeTotpAction({ proof: "not my password" })).serverError).toMatchObject({ code: "WRONG_PROOF", field: "proof" });
    expect((await removeTotpAction({ proof: "" })).validationErrors?.fieldErrors.proof).toBeDefined();
    expect(await testDb.staffUser.count({ where: { id: staff.id, totpSecretCiphertext: { not: null } } })).toBe(1);

    expect((await removeTotpAction({ proof: codeAt(staff.secret, time.epoch) })).data).toEqual({ removed: true });
    expect(
      await testDb.staffUser.findUniqueOrThrow({
        where: { id: staff.id },
        select: { totpSecretCiphertext: true, totpLastStep: true, recoveryCodeHashes: true },
      }),
    ).toEqual({
      totpSecretCiphertext: null,
      totpLastStep: null,
      recoveryCodeHashes: [],
    });
    expect(await signIn(staff.email)).toMatchObject({ id: staff.id });
    expect(await testDb.auditEvent.count({ where: { actorStaffId: staff.id, action: "staff.mfa_removed" } })).toBe(1);
  });

  it("is removed with the password as well", async () => {
    const staff = await withTotp();
    signInAs(staff);
    expect((await removeTotpAction({ proof: PASSWORD })).data).toEqual({ removed: true });
    expect((await removeTotpAction({ proof: PASSWORD })).serverError).toMatchObject({ code: "NOT_SET_UP" });
  });
});

describe("REQUIRE_STAFF_MFA", () => {
  const session = async (staff: { id: string }, options?: { viaSingleSignOn: boolean }) => openStaffSession(staff.id, from(), options);
  const required = async (staff: { id: string }, options?: { viaSingleSignOn: boolean }) =>
    (await principalForSession(await session(staff, options)))?.mfaSetupRequired;

  it("is off by default: nobody is asked", async () => {
    for (const kind of Object.keys(PRINCIPALS) as Kind[]) expect(await required(await newStaff(kind)), kind).toBe(false);
  });

  it("editors: asks administrators and staff who can change something, not viewers nor sessions through the identity provider", async () => {
    installation.env = { REQUIRE_STAFF_MFA: "editors" };
    expect(await required(await newStaff("editor"))).toBe(true);
    expect(await required(await newStaff("noConfiguration"))).toBe(true);
    expect(await required(await newStaff("administrator"))).toBe(true);
    expect(await required(await newStaff("viewer"))).toBe(false);
    expect(await required(await newStaff("editor"), { viaSingleSignOn: true })).toBe(false);
    expect(await required((await withTotp("editor")) as { id: string })).toBe(false);
  });

  it("all: refuses every action but one's own account on the server until a factor is set up", async () => {
    installation.env = { REQUIRE_STAFF_MFA: "all" };
    const viewer = await newStaff("viewer");
    expect(await required(viewer)).toBe(true);

    const admin = await newStaff("administrator");
    presentSession(await session(admin));
    const staffBefore = await testDb.staffUser.count();
    const invite = { email: `${unique("m")}@staff.test`, name: unique("M"), roles: [], viewer: false, administrator: false };
    expect((await inviteStaffAction(invite)).serverError).toMatchObject({
      code: "FORBIDDEN",
      message: "Set up two-factor authentication in My account first.",
    });
    expect(await testDb.staffUser.count()).toBe(staffBefore);

    // One's own account stays open: the password, and setting up the factor.
    expect((await changePasswordAction({ current: "wrong", password: "another long password", confirm: "another long password" })).serverError).toMatchObject({
      code: "WRONG_PASSWORD",
    });
    const setup = (await beginTotpSetupAction()).data!;
    expect((await confirmTotpSetupAction({ pending: setup.pending, code: await generate({ secret: setup.secret }) })).data).toBeDefined();
    expect((await inviteStaffAction(invite)).data).toBeDefined();
  });
});
