import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordAudit } from "@/lib/audit";
import { SINGLE_SIGN_ON_REFUSED } from "@/lib/auth/sign-in-messages";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { RequestMeta } from "@/lib/request-meta";
import { openStaffSession } from "@/lib/staff/sessions";

/** The provider id in next-auth's URLs: the redirect URI to register is <APP_URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

/** The identity provider as next-auth's OpenID Connect provider: discovery, authorization code with PKCE and state, the ID token checked. */
export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const config = env();
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_DISPLAY_NAME,
    type: "oauth",
    wellKnown: new URL(".well-known/openid-configuration", config.OIDC_ISSUER.endsWith("/") ? config.OIDC_ISSUER : `${config.OIDC_ISSUER}/`).toString(),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/**
 * What OIDC_ROLES_CLAIM's values grant, case-insensitively; other values are
 * ignored. The claim may be a list of strings or one string of them separated
 * by spaces or commas.
 */
export const ROLES_CLAIM_VALUES: Record<string, { role: StaffRole } | "viewer" | "administrator"> = {
  configuration: { role: "CONFIGURATION" },
  orders: { role: "ORDERS" },
  catalog: { role: "CATALOG" },
  viewer: "viewer",
  administrator: "administrator",
};

/** The access a roles claim grants; a missing claim grants nothing. */
export function accessFromRolesClaim(claim: unknown): { roles: StaffRole[]; viewer: boolean; administrator: boolean } {
  const values = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  const granted = values.filter((value): value is string => typeof value === "string").map((value) => ROLES_CLAIM_VALUES[value.trim().toLowerCase()]);
  const roles = [...new Set(granted.flatMap((grant) => (typeof grant === "object" ? [grant.role] : [])))];
  return { roles, viewer: granted.includes("viewer"), administrator: granted.includes("administrator") };
}

const sameAccess = (a: { roles: StaffRole[]; viewer: boolean; administrator: boolean }, b: typeof a) =>
  a.viewer === b.viewer && a.administrator === b.administrator && a.roles.length === b.roles.length && a.roles.every((role) => b.roles.includes(role));

class SingleSignOnRefused extends Error {
  constructor() {
    super(SINGLE_SIGN_ON_REFUSED);
  }
}

/**
 * The staff member the identity provider vouches for, with a session row of
 * their own (the same rows as a password sign-in, marked as opened through
 * the provider). An email nobody at Latchkey has is refused, unless its
 * domain is in OIDC_AUTO_PROVISION_DOMAINS: then the person is created with
 * no roles, for an administrator to give them some.
 */
export async function signInWithIdentityProvider(
  profile: OidcProfile,
  meta: RequestMeta,
): Promise<{ id: string; name: string; email: string; sessionId: string }> {
  const config = env();
  const email = profile.email?.trim().toLowerCase();
  const refuse = async (reason: string) => {
    await recordAudit({ action: "staff.signin_failed", actor: { type: "VISITOR" }, meta, details: { email: email ?? null, reason } });
    throw new SingleSignOnRefused();
  };
  if (!email || profile.email_verified === false) return refuse("single sign-on without a verified email");

  let staff = await db.staffUser.findUnique({
    where: { email },
    select: { id: true, name: true, roles: true, viewer: true, administrator: true, deactivatedAt: true },
  });
  if (!staff) {
    const domain = email.split("@").pop() ?? "";
    if (!config.OIDC_AUTO_PROVISION_DOMAINS.includes(domain)) return refuse("single sign-on for an unknown email");
    const name = profile.name?.trim().slice(0, 100) || email.split("@")[0]!;
    staff = await db.$transaction(async (tx) => {
      const created = await tx.staffUser.create({
        data: { email, name, roles: [] },
        select: { id: true, name: true, roles: true, viewer: true, administrator: true, deactivatedAt: true },
      });
      await recordAudit({ action: "staff.provisioned", actor: { type: "SYSTEM" }, meta, details: { staffId: created.id, email, domain } }, tx);
      return created;
    });
  }
  if (staff.deactivatedAt) return refuse("single sign-on of a deactivated staff member");

  if (config.OIDC_ROLES_CLAIM) {
    const granted = accessFromRolesClaim(profile[config.OIDC_ROLES_CLAIM]);
    if (!sameAccess(staff, granted)) {
      const before = { roles: staff.roles, viewer: staff.viewer, administrator: staff.administrator };
      await db.$transaction(async (tx) => {
        await tx.staffUser.update({ where: { id: staff.id }, data: granted, select: { id: true } });
        await recordAudit(
          { action: "staff.updated", actor: { type: "SYSTEM" }, meta, details: { staffId: staff.id, from: before, to: granted, by: config.OIDC_ROLES_CLAIM } },
          tx,
        );
      });
    }
  }

  const sessionId = await openStaffSession(staff.id, meta, { viaSingleSignOn: true });
  await recordAudit({ action: "staff.signin", actor: { type: "STAFF", id: staff.id, name: staff.name }, meta, details: { via: "single sign-on" } });
  return { id: staff.id, name: staff.name, email, sessionId };
}
