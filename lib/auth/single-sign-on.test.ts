import { describe, expect, it, vi } from "vitest";
import { accessFromRolesClaim, oidcProvider, signInWithIdentityProvider } from "@/lib/auth/single-sign-on";
import { principalForSession } from "@/lib/staff/sessions";
import { testDb } from "@/test/db";
import { createStaff, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";

// What lies outside the unit: the installation's single sign-on settings.
vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));

const meta = () => ({ ip: unique("sso-ip"), userAgent: "sso-tests" });
const profileOf = (email: string, claims: Record<string, unknown> = {}) => ({ sub: unique("sub"), email, email_verified: true, name: "Sam Sso", ...claims });

describe("single sign-on", () => {
  it("is offered only with issuer, client id and secret, through discovery with PKCE and state and the ID token", () => {
    expect(oidcProvider()).toBeNull();
    installation.env = {
      OIDC_ISSUER: "https://login.example.com/realms/shop",
      OIDC_CLIENT_ID: "latchkey",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_DISPLAY_NAME: "Example ID",
    };
    expect(oidcProvider()).toMatchObject({
      id: "oidc",
      name: "Example ID",
      wellKnown: "https://login.example.com/realms/shop/.well-known/openid-configuration",
      checks: ["pkce", "state"],
      idToken: true,
    });
  });

  it("signs an active staff member in, in a session row marked as opened through the provider", async () => {
    const staff = await createStaff("editor");
    const signedIn = await signInWithIdentityProvider(profileOf(staff.email.toUpperCase()), meta());
    expect(signedIn).toMatchObject({ id: staff.id, email: staff.email });
    expect(await testDb.staffSession.findUniqueOrThrow({ where: { id: signedIn.sessionId }, select: { viaSingleSignOn: true } })).toEqual({
      viaSingleSignOn: true,
    });
    expect(await principalForSession(signedIn.sessionId)).toMatchObject({ id: staff.id, roles: ["CONFIGURATION"] });
  });

  it("refuses an unknown email, an unverified one and a deactivated staff member, creating nobody", async () => {
    const email = `${unique("stranger")}@elsewhere.test`;
    await expect(signInWithIdentityProvider(profileOf(email), meta())).rejects.toThrow("SingleSignOnRefused");
    expect(await testDb.staffUser.count({ where: { email } })).toBe(0);
    const staff = await createStaff("editor");
    await expect(signInWithIdentityProvider(profileOf(staff.email, { email_verified: false }), meta())).rejects.toThrow("SingleSignOnRefused");
    await testDb.staffUser.update({ where: { id: staff.id }, data: { deactivatedAt: new Date() } });
    await expect(signInWithIdentityProvider(profileOf(staff.email), meta())).rejects.toThrow("SingleSignOnRefused");
    expect(await testDb.staffSession.count({ where: { staffUserId: staff.id } })).toBe(0);
  });

  it("creates a newcomer from an allowed domain with no roles", async () => {
    installation.env = { OIDC_AUTO_PROVISION_DOMAINS: ["allowed.test"] };
    const email = `${unique("newcomer")}@allowed.test`;
    const signedIn = await signInWithIdentityProvider(profileOf(email), meta());
    expect(
      await testDb.staffUser.findUniqueOrThrow({
        where: { email },
        select: { id: true, name: true, roles: true, viewer: true, administrator: true, passwordHash: true },
      }),
    ).toEqual({
      id: signedIn.id,
      name: "Sam Sso",
      roles: [],
      viewer: false,
      administrator: false,
      passwordHash: null,
    });
    expect(await testDb.auditEvent.count({ where: { action: "staff.provisioned", details: { path: ["email"], equals: email } } })).toBe(1);
  });

  it("with OIDC_ROLES_CLAIM, takes roles, viewer and administrator from the claim at every sign-in", async () => {
    installation.env = { OIDC_ROLES_CLAIM: "latchkey_roles" };
    const staff = await createStaff("editor");
    await signInWithIdentityProvider(profileOf(staff.email, { latchkey_roles: ["Orders", "catalog", "viewer", "unknown"] }), meta());
    expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { roles: true, viewer: true, administrator: true } })).toEqual({
      roles: ["ORDERS", "CATALOG"],
      viewer: true,
      administrator: false,
    });
    await signInWithIdentityProvider(profileOf(staff.email), meta());
    expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { roles: true, viewer: true } })).toEqual({ roles: [], viewer: false });
    expect(accessFromRolesClaim("configuration, administrator")).toEqual({ roles: ["CONFIGURATION"], viewer: false, administrator: true });
  });
});
