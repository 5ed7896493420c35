import { expect, test } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { storageStateFor } from "./fixtures/staff";

test.describe("security headers", () => {
  test("pages carry a nonce-based Content-Security-Policy that every script of the page satisfies", async ({ request }) => {
    const response = await request.get("/login");
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc =
      csp
        .split(";")
        .map((part) => part.trim())
        .find((part) => part.startsWith("script-src")) ?? "";
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    // HSTS is only for https deployments; on localhost it would pin the browser to https.
    expect(headers["strict-transport-security"]).toBeUndefined();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response, so a nonce seen once is worth nothing.
    const again = (await request.get("/login")).headers()["content-security-policy"];
    expect(again).not.toContain(nonce!);
  });

  test("API responses and assets carry the baseline headers", async ({ request }) => {
    for (const path of ["/api/health", "/api/v1/login-tokens"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
    }
  });

  test("markup that slips into a page cannot run inline handlers", async ({ page }) => {
    await page.goto("/login");
    const violation = page.waitForEvent("console", (message) => message.text().includes("Content Security Policy"));
    const ran = await page.evaluate(async () => {
      const flag = window as unknown as { injected?: boolean };
      flag.injected = false;
      // What an HTML injection would add; without the policy the handler runs as soon as the image fails.
      document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.injected = true" alt="">');
      await new Promise((resolve) => setTimeout(resolve, 300));
      return flag.injected;
    });
    expect(ran).toBe(false);
    await violation;
  });
});

test.describe("server actions, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("refuse a call from another origin, even with the staff member's cookies", async ({ page, baseURL }) => {
    const name = `Cross-origin probe ${test.info().workerIndex}-${Date.now()}`;
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill(name);
    const actionRequest = page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
    await page.getByRole("dialog").getByRole("button", { name: "Create key" }).click();
    const captured = await actionRequest;
    await expect(page.getByRole("dialog").getByRole("heading", { name: "Copy your new API key" })).toBeVisible();
    const keysNamed = async () => (await e2eQuery<{ count: number }>("SELECT count(*)::int AS count FROM api_keys WHERE name = $1", [name]))[0]!.count;
    expect(await keysNamed()).toBe(1);

    const replay = (origin: string) =>
      page.request.post(captured.url(), {
        headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"]!, accept: "text/x-component", origin },
        data: captured.postDataBuffer()!,
        maxRedirects: 0,
      });

    const foreign = await replay("https://attacker.example");
    expect(foreign.ok()).toBe(false);
    expect(await keysNamed()).toBe(1);

    // The same call from this origin goes through, so the refusal above was the origin check.
    const own = await replay(new URL(baseURL!).origin);
    expect(own.ok()).toBe(true);
    expect(await keysNamed()).toBe(2);
    await e2eQuery("UPDATE api_keys SET revoked_at = now() WHERE name = $1", [name]);
  });
});
