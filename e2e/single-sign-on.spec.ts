import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { e2eQuery } from "./fixtures/db";
import { startIdentityProvider, type IdentityProvider } from "./fixtures/oidc-provider";
import { StaffFixture } from "./fixtures/data";

// Single sign-on against a real OpenID Connect provider on a local port, with
// one client and two users: a staff member Latchkey knows, and a newcomer from
// a domain only the second instance provisions. The first instance also takes
// passwords; the second takes single sign-on only.
const withPasswords = E2E_PORT + 10;
const ssoOnly = E2E_PORT + 11;
const AUTO_DOMAIN = "sso-newcomers.test";

let idp: IdentityProvider;
let a: AppInstance;
let b: AppInstance;
let staff: Awaited<ReturnType<StaffFixture["create"]>>;
const newcomer = `newcomer-${randomUUID().slice(0, 8)}@${AUTO_DOMAIN}`;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The spec's instances share one staff member across its tests; a sign-in is audited, so the row stays with its audit events.
  staff = await new StaffFixture(`e2esso${randomUUID().slice(0, 6)}`).create();
  idp = await startIdentityProvider({
    port: E2E_PORT + 20,
    redirectUris: [withPasswords, ssoOnly].map((port) => `http://127.0.0.1:${port}/api/auth/callback/oidc`),
    users: [
      { login: "known", email: staff.email, name: staff.name },
      { login: "newcomer", email: newcomer, name: "Nia Newcomer" },
    ],
  });
  const oidc = { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_DISPLAY_NAME: "Example ID" };
  const own = (port: number) => ({ APP_URL: `http://127.0.0.1:${port}`, NEXTAUTH_URL: `http://127.0.0.1:${port}` });
  [a, b] = await Promise.all([
    startAppInstance(withPasswords, { ...own(withPasswords), ...oidc }),
    startAppInstance(ssoOnly, { ...own(ssoOnly), ...oidc, PASSWORD_SIGNIN: "false", OIDC_AUTO_PROVISION_DOMAINS: AUTO_DOMAIN }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), idp?.stop()]);
  // A newcomer who signed in is named by audit events, which may not change: then the row stays, as the fixtures keep such staff.
  await e2eQuery(`DELETE FROM staff_users s WHERE email = $1 AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.actor_staff_id = s.id)`, [newcomer]);
});

/** Through the provider's own sign-in and consent pages, as the user `login`. */
async function signInThroughProvider(page: Page, instance: AppInstance, login: string) {
  await page.goto(`${instance.url}/login`);
  await page.getByRole("button", { name: "Sign in with Example ID" }).click();
  await page.waitForURL(`${idp.issuer}/**`);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password: the test provider takes it");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${instance.url}/**`);
}

test("a staff member signs in through the identity provider, in a staff session row like a password sign-in", async ({ page }) => {
  await page.goto(`${a.url}/login`);
  await expect(page.getByLabel("Password")).toBeVisible();
  await signInThroughProvider(page, a, "known");
  await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();
  const sessions = await e2eQuery<{ via_single_sign_on: boolean }>(`SELECT via_single_sign_on FROM staff_sessions WHERE staff_user_id = $1`, [staff.id]);
  expect(sessions).toEqual([{ via_single_sign_on: true }]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  expect(await e2eQuery(`SELECT 1 FROM staff_sessions WHERE staff_user_id = $1`, [staff.id])).toEqual([]);
});

test("an email Latchkey does not know is refused, and nobody is created", async ({ page }) => {
  await signInThroughProvider(page, a, "newcomer");
  await expect(page).toHaveURL(/\/login\?/);
  // The sign-in form's own alert, not the router's announcer.
  await expect(page.locator("#sign-in-problem")).toContainText("not a Latchkey staff member");
  expect(await e2eQuery(`SELECT 1 FROM staff_users WHERE email = $1`, [newcomer])).toEqual([]);
});

test("with PASSWORD_SIGNIN=false the password form is absent and refused; a newcomer from an allowed domain is created with no roles", async ({ page }) => {
  await page.goto(`${b.url}/login`);
  await expect(page.getByRole("button", { name: "Sign in with Example ID" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByLabel("Email")).toHaveCount(0);

  // The server refuses a password sign-in posted anyway, even with the right password.
  const csrf = (await (await page.request.get(`${b.url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const posted = await page.request.post(`${b.url}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: staff.email, password: staff.password, json: "true" },
    maxRedirects: 0,
  });
  expect(posted.headers()["location"] ?? (await posted.text())).not.toContain("/users/login-tokens");
  const session = (await (await page.request.get(`${b.url}/api/auth/session`)).json()) as Record<string, unknown>;
  expect(session).toEqual({});

  await signInThroughProvider(page, b, "newcomer");
  await expect(page.getByRole("heading", { name: "Welcome, Nia" })).toBeVisible();
  const created = await e2eQuery<{ roles: string; viewer: boolean; administrator: boolean; password_hash: string | null }>(
    `SELECT roles::text, viewer, administrator, password_hash FROM staff_users WHERE email = $1`,
    [newcomer],
  );
  expect(created).toEqual([{ roles: "{}", viewer: false, administrator: false, password_hash: null }]);
});
