import "server-only";
import type { AuditContext } from "@/lib/audit";
import { env } from "@/lib/env";
import { createLoginToken } from "@/lib/login-tokens/mutations";
import type { LogInAsValues } from "@/lib/people/log-in-as-schema";

/**
 * "Log in as": a one-time token for the person that expires in
 * LOG_IN_AS_MINUTES, made like any other (reason rules, assistance policy,
 * audit event with the reason), whose link the staff member opens at once.
 */
export async function logInAs(input: LogInAsValues, by: AuditContext, assistanceOverride: boolean) {
  const issued = await createLoginToken(
    {
      user: input.user,
      expiresAt: new Date(Date.now() + env().LOG_IN_AS_MINUTES * 60_000),
      oneTimeUse: true,
      maxUses: null,
      useWindowMinutes: null,
      extra: null,
      referrer: null,
      redirectPath: null,
      reason: input.reason,
      assistanceOverride,
    },
    by,
  );
  return { loginUrl: issued.loginUrl, userName: issued.user?.name ?? null };
}
