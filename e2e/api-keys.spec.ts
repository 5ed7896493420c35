import { expect, test } from "./fixtures/data";
import { API_ERRORS } from "../lib/api/errors";
import { storageStateFor } from "./fixtures/staff";

test.describe("API keys, as the editor", () => {
  test.use({ storageState: storageStateFor("editor"), permissions: ["clipboard-read", "clipboard-write"] });

  test("creates a key, sees it once, copies it, uses it against the API, revokes it, and the API then refuses it", async ({ page, request }) => {
    const name = `E2E integration ${test.info().workerIndex}-${Date.now()}`;
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Name" }).fill(name);
    await dialog.getByRole("button", { name: "Create key" }).click();

    await expect(dialog.getByRole("heading", { name: "Copy your new API key" })).toBeVisible();
    await expect(dialog.getByText("This is the only time the key is shown")).toBeVisible();
    const key = await dialog.getByRole("textbox", { name: "API key" }).inputValue();
    expect(key).toMatch(/^lk_live_[0-9A-Za-z]{43}$/);
    await dialog.getByRole("button", { name: "Copy key" }).click();
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    // From now on only the prefix is anywhere on the page, even after a reload.
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${key.slice(0, 12)}…`);
    await expect(row).toContainText("Never");
    await page.reload();
    expect(await page.content()).not.toContain(key.slice(12));

    const auth = { Authorization: `Bearer ${key}` };
    const created = await request.post("/api/v1/login-tokens", { headers: auth, data: { expiresIn: 600, extra: "from the e2e test" } });
    expect(created.status()).toBe(201);
    const token = await created.json();
    expect(token).toMatchObject({ oneTimeUse: true, extra: "from the e2e test", user: null });
    expect(token.qrCode).toMatch(/^data:image\/png;base64,/);
    expect(created.headers()["cache-control"]).toBe("no-store");

    const shown = await request.get(`/api/v1/login-tokens/${token.id}`, { headers: { ...auth, Accept: "application/xml" } });
    expect(shown.status()).toBe(200);
    expect(shown.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const xml = await shown.text();
    expect(xml).toContain(`<id>${token.id}</id>`);
    expect(xml).not.toContain(token.token);

    const redeemed = await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: token.token } });
    expect(redeemed.status()).toBe(200);
    expect(await redeemed.json()).toMatchObject({ tokenId: token.id, user: null, oneTimeUse: true });
    const again = await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: token.token } });
    expect(again.status()).toBe(422);
    expect((await again.json()).error.code).toBe("TOKEN_INVALID_OR_EXPIRED");

    await page.reload();
    await expect(row).not.toContainText("Never");
    await expect(row.getByRole("cell").nth(5)).toContainText(new Date().getFullYear().toString());

    await row.getByRole("button", { name: `Revoke API key ${name}` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Revoke “${name}”?`);
    await expect(confirm).toContainText(key.slice(0, 12));
    await confirm.getByRole("button", { name: "Revoke key" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(`API key “${name}” revoked`)).toBeVisible();
    await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

    const refused = await request.get("/api/v1/login-tokens", { headers: auth });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: "API_KEY_INVALID" });

    // What is left is what the audit trail refers to: a revoked key and a used token, nothing live.
    await page.reload();
    await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  });

  test("reads the API reference, rendered from the OpenAPI document the API serves", async ({ page, request }) => {
    await page.goto("/settings/api-reference");
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    for (const summary of ["Create a login token", "List login tokens", "Show a login token", "Delete a login token", "Redeem a login token"]) {
      await expect(page.getByRole("heading", { name: summary, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("table", { name: "Error catalogue" }).getByRole("row")).toHaveCount(1 + Object.keys(API_ERRORS).length);
    await expect(page.getByRole("link", { name: "openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
    const document = await (await request.get("/api/v1/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
  });

  test("on a phone a key's Revoke stays in view while the table scrolls beneath it", async ({ page, apiKeys }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { name } = await apiKeys.create();
    await page.goto("/settings/api-keys");
    const region = page.getByRole("region", { name: "API keys" });
    expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeGreaterThan(0);
    const revoke = page.getByRole("button", { name: `Revoke API key ${name}` });
    await revoke.scrollIntoViewIfNeeded();
    await region.evaluate((element) => element.scrollTo({ left: 0 }));
    await expect(revoke).toBeInViewport({ ratio: 1 });
    await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expect(revoke).toBeInViewport({ ratio: 1 });
  });

  test("at 1440×900 the API reference's contents keep to their column, a long summary wrapping", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/settings/api-reference");
    const contents = page.getByRole("navigation", { name: "On this page" });
    const edge = await contents.evaluate((nav) => nav.getBoundingClientRect().right);
    const link = contents.getByRole("link", { name: /Create or update people in a batch/ });
    expect(await link.evaluate((element) => Math.max(...[...element.children].map((child) => child.getBoundingClientRect().right)))).toBeLessThanOrEqual(edge);
    await expect(page.getByRole("region", { name: "Overview" })).toBeInViewport();
  });

  test("on a phone the API reference's text wraps to the screen; only its tables scroll sideways", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/settings/api-reference");
    const overview = page.getByRole("region", { name: "Overview" });
    expect(await overview.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    expect(await overview.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    const endpoint = page.getByRole("article", { name: "Create or update people in a batch" });
    expect(await endpoint.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  });

  test("on a phone the error catalogue scrolls sideways rather than squeeze its messages to a word a line", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/settings/api-reference");
    const catalogue = page.getByRole("region", { name: "Error catalogue" });
    expect(await catalogue.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeGreaterThan(0);
    for (const column of ["Message", "Solution"]) {
      const head = catalogue.getByRole("columnheader", { name: column });
      expect(await head.evaluate((element) => element.getBoundingClientRect().width)).toBeGreaterThanOrEqual(160);
    }
  });
});

test.describe("API keys, as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the menu hides API keys and the page answers 403 with no keys", async ({ page }) => {
    await page.goto("/settings/api-reference");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
    const response = await page.goto("/settings/api-keys");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    // The viewer has the Configuration role: the reason is read-only access.
    await expect(page.getByText("Your access is read-only.")).toBeVisible();
    await expect(page.getByText(/Configuration role/)).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create API key" })).toHaveCount(0);
  });
});

test.describe("API keys, as staff without the Configuration role", () => {
  test.use({ storageState: storageStateFor("orders") });

  test("the page answers 403", async ({ page }) => {
    const response = await page.goto("/settings/api-keys");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
