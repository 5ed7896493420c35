import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { recordAudit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/auth/schemas";
import { SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG, SIGN_IN_THROTTLED } from "@/lib/auth/sign-in-messages";
import { clearSignInFailures, recordSignInFailure, signInAllowance } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/request-meta";
import { openStaffSession } from "@/lib/staff/sessions";
import { spendSecondFactor } from "@/lib/staff/totp";

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`${SIGN_IN_THROTTLED}:${retryAfterSeconds}`);
  }
}

/** The password was right, and this staff member has a second factor: the form asks for its code. */
export class SecondFactorRequiredError extends Error {
  constructor() {
    super(SECOND_FACTOR_REQUIRED);
  }
}

export class SecondFactorWrongError extends Error {
  constructor() {
    super(SECOND_FACTOR_WRONG);
  }
}

/**
 * Checks staff credentials behind the throttle: refused accounts and
 * addresses are not even looked up, and a wrong password costs a failure on
 * both counters. Unknown email and wrong password answer alike. With a second
 * factor, the password is sent again with the code (nothing half-signed-in is
 * kept on the server), and a wrong code costs a failure like a wrong password.
 */
export async function authorizeStaff(credentials: unknown, meta: RequestMeta): Promise<{ id: string; email: string; name: string; sessionId: string } | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;

  const allowance = await signInAllowance(email, meta.ip);
  if (allowance.refused) throw new SignInThrottledError(allowance.retryAfterSeconds);
  if (allowance.delayMs > 0) await sleep(allowance.delayMs);

  const staff = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true, totpSecretCiphertext: true },
  });
  const valid = await verifyPassword(staff?.passwordHash ?? null, password);
  if (!staff || !valid || staff.deactivatedAt) {
    await recordSignInFailure(email, meta.ip);
    await recordAudit({ action: "staff.signin_failed", actor: { type: "VISITOR" }, meta, details: { email } });
    return null;
  }
  let secondFactor: "totp" | "recovery" | null = null;
  if (staff.totpSecretCiphertext) {
    if (code === undefined) throw new SecondFactorRequiredError();
    secondFactor = await spendSecondFactor(staff.id, code);
    if (!secondFactor) {
      await recordSignInFailure(email, meta.ip);
      await recordAudit({ action: "staff.signin_failed", actor: { type: "VISITOR" }, meta, details: { email, reason: "second factor" } });
      throw new SecondFactorWrongError();
    }
  }
  await clearSignInFailures(email);
  const sessionId = await openStaffSession(staff.id, meta);
  await recordAudit({
    action: "staff.signin",
    actor: { type: "STAFF", id: staff.id, name: staff.name },
    meta,
    ...(secondFactor ? { details: { secondFactor } } : {}),
  });
  return { id: staff.id, email: staff.email, name: staff.name, sessionId };
}
