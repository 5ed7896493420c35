import type { BrowserContext, Page } from "@playwright/test";
import { E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { expect, test } from "./fixtures/data";

// A staff session is a row in the shared database: ending it on one instance
// must refuse its cookie on every instance at once, not when the cookie expires.
let a: AppInstance;
let b: AppInstance;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [a, b] = await Promise.all([startAppInstance(E2E_PORT + 8), startAppInstance(E2E_PORT + 9)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function signIn(page: Page, staff: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();
}

async function cookieHeader(context: BrowserContext) {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** What an instance answers to the page with these cookies: "signed in", or where it sends the visitor. */
async function replay(instance: AppInstance, cookie: string) {
  const response = await fetch(`${instance.url}/users/login-tokens`, { headers: { cookie }, redirect: "manual" });
  if (response.status === 200 && (await response.text()).includes("Login Tokens")) return "signed in";
  return `${response.status} ${response.headers.get("location")}`;
}

test("after Sign out, the copied session cookie is refused on every instance", async ({ page, context, staffMembers }) => {
  const staff = await staffMembers.create();
  await signIn(page, staff);
  const copied = await cookieHeader(context);
  expect(await replay(a, copied)).toBe("signed in");
  expect(await replay(b, copied)).toBe("signed in");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  expect(await replay(a, copied)).toMatch(/^30\d \/login/);
  expect(await replay(b, copied)).toMatch(/^30\d \/login/);
});
