import { type Page } from "@playwright/test";
import { expect, test, tokenCounters } from "./fixtures/data";
import { issueApiKey } from "../lib/api-keys/keys";
import { E2E_BASE_URL, E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { continueForm, untilProofsAccepted } from "./fixtures/continue-page";
import { e2eQuery } from "./fixtures/db";
import { storageStateFor } from "./fixtures/staff";

// Bad input against the real production server (server/main.ts and the
// built app), and a second instance of it whose database cannot be reached.

async function apiKey(): Promise<string> {
  const { key, prefix, keyHash } = issueApiKey();
  await e2eQuery("INSERT INTO api_keys (name, prefix, key_hash) VALUES ($1, $2, $3)", [
    `e2e bad input ${Date.now()}-${Math.random()}`,
    prefix,
    Buffer.from(keyHash),
  ]);
  return key;
}

/** A real call of the user picker's server action, captured from the page, to replay with other headers and bodies. */
async function capturedAction(page: Page) {
  await page.goto("/users/login-tokens");
  await page.getByRole("button", { name: "New Login Token" }).click();
  await page.getByRole("combobox", { name: "Select contact or customer" }).click();
  const call = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await page.getByRole("combobox", { name: "Search contacts and customers" }).fill("cora");
  const request = await call;
  const headers = await request.allHeaders();
  return {
    path: new URL(request.url()).pathname,
    headers: Object.fromEntries(
      Object.entries(headers).filter(([name]) => ["next-action", "content-type", "accept", "next-router-state-tree", "cookie"].includes(name)),
    ),
    body: request.postData() ?? "",
  };
}

test.describe("the production server", () => {
  test("answers a 100 KB URL with 414, for the API and for pages alike", async () => {
    for (const path of [`/api/v1/login-tokens?ids=${"a".repeat(100_000)}`, `/users/login-tokens?ids=${"a".repeat(100_000)}`]) {
      const response = await fetch(`${E2E_BASE_URL}${path}`);
      expect(response.status).toBe(414);
      expect(await response.text()).toContain("too long");
    }
  });

  test("answers token paths that are not valid percent-encoding with 404 TOKEN_NOT_FOUND", async () => {
    const key = await apiKey();
    for (const path of ["%ZZ", "%E0%A4%A"]) {
      for (const method of ["GET", "DELETE"]) {
        const response = await fetch(`${E2E_BASE_URL}/api/v1/login-tokens/${path}`, { method, headers: { Authorization: `Bearer ${key}` } });
        expect(response.status).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("TOKEN_NOT_FOUND");
      }
    }
  });

  test("refuses __proto__, constructor and prototype like every unknown query parameter", async () => {
    const key = await apiKey();
    for (const name of ["__proto__", "constructor", "prototype"]) {
      const response = await fetch(`${E2E_BASE_URL}/api/v1/login-tokens?${name}=x`, { headers: { Authorization: `Bearer ${key}` } });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: name }] });
    }
  });

  test("sends a visitor to a non-ASCII redirect path, encoded, and the link is used exactly once", async ({ tokens }) => {
    const token = await tokens.visitor({ oneTimeUse: true, redirectPath: "/shop/€uro" });
    const form = await continueForm(E2E_BASE_URL, token.value);
    form.set("redirect", "/shop/größe");
    await untilProofsAccepted([form]);
    const response = await fetch(`${E2E_BASE_URL}/login/token/redeem`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: E2E_BASE_URL },
      body: form,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/shop/%E2%82%ACuro");
    expect(response.headers.get("set-cookie")).toContain("latchkey-shop=");
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1 });
  });
});

test.describe("server actions called by hand, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("answer a foreign origin with 403 and malformed bodies with 400 or 413, and a real call still works", async ({ page }) => {
    const action = await capturedAction(page);
    const send = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${E2E_BASE_URL}${action.path}`, { method: "POST", headers: { ...action.headers, Origin: E2E_BASE_URL, ...headers }, body });

    expect((await send(action.body)).status).toBe(200);
    expect((await send(action.body, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await send("")).status).toBe(400);
    expect((await send("this is not the framework's encoding")).status).toBe(400);
    expect((await send(`${"[".repeat(10_000)}${"]".repeat(10_000)}`)).status).toBe(400);
    expect((await send(`["${"x".repeat(1024 * 1024)}"]`)).status).toBe(413);
    expect((await send(action.body.replace("cora", "co\\u0000ra"))).status).toBe(200);
  });
});

test.describe("while the database cannot be reached", () => {
  // One outage instance for the group, on one port: its tests run in one worker.
  test.describe.configure({ mode: "serial" });
  test.use({ storageState: storageStateFor("editor") });
  let down: AppInstance;

  test.beforeAll(async () => {
    // The same build on a port where no PostgreSQL listens, as after the database stopped.
    // Its own address is its APP_URL, so that its pages' calls pass the same-origin checks.
    down = await startAppInstance(E2E_PORT + 7, {
      DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:9/latchkey",
      APP_URL: `http://127.0.0.1:${E2E_PORT + 7}`,
    });
  });
  test.afterAll(async () => {
    await down?.stop();
  });

  test("pages answer 503 with Retry-After and say calmly that Latchkey cannot reach its database", async ({ page, context }) => {
    const cookie = (await context.cookies(E2E_BASE_URL)).map(({ name, value }) => `${name}=${value}`).join("; ");
    for (const path of ["/users/login-tokens", "/users/audit-log", "/settings/api-keys"]) {
      const response = await fetch(`${down.url}${path}`, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
    }
    await context.addCookies((await context.cookies(E2E_BASE_URL)).map((c) => ({ ...c, domain: "127.0.0.1" })));
    await page.goto(`${down.url}/users/login-tokens`);
    await expect(page.getByRole("heading", { level: 1, name: "Latchkey cannot reach its database" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("outage-page.png") });
  });

  test("the API answers 503 SERVICE_UNAVAILABLE with Retry-After on every endpoint", async () => {
    const auth = { Authorization: `Bearer ${issueApiKey().key}`, "Content-Type": "application/json" };
    const calls: [string, string, string?][] = [
      ["GET", "/api/v1/login-tokens"],
      ["POST", "/api/v1/login-tokens", JSON.stringify({ expiresIn: 600 })],
      ["GET", "/api/v1/login-tokens/0b9e8c4e-1f1a-4a8e-9a53-2f7f1c2f4b10"],
      ["DELETE", "/api/v1/login-tokens/0b9e8c4e-1f1a-4a8e-9a53-2f7f1c2f4b10"],
      ["POST", "/api/v1/login-tokens/redeem", JSON.stringify({ token: "a".repeat(43) })],
    ];
    for (const [method, path, body] of calls) {
      const response = await fetch(`${down.url}${path}`, { method, headers: auth, body });
      expect(response.status, `${method} ${path}`).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("SERVICE_UNAVAILABLE");
    }
  });

  test("a login link and a server action answer 503 with Retry-After", async ({ page }) => {
    const form = await continueForm(down.url, "a".repeat(43));
    await untilProofsAccepted([form]);
    const redeemed = await fetch(`${down.url}/login/token/redeem`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: down.url },
      body: form,
    });
    expect(redeemed.status).toBe(503);
    expect(redeemed.headers.get("retry-after")).toBe("5");
    expect(await redeemed.text()).toContain("cannot reach its database");

    const action = await capturedAction(page);
    const response = await fetch(`${down.url}${action.path}`, { method: "POST", headers: { ...action.headers, Origin: down.url }, body: action.body });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("cannot reach its database");
  });
});
