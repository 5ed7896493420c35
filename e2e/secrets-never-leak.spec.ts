import { expect, test } from "@playwright/test";
import { scanForSecrets } from "./fixtures/leak-scan";
import { storageStateFor } from "./fixtures/staff";
import { openLoginLink } from "./fixtures/continue-page";

test.describe("secrets never leak, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("no token value or API key issued through the back-office, the API or login links is in the logs, the database rows or the database files", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const secrets: string[] = [];

    // An API key, made in the back-office.
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Name" }).fill(`Leak probe ${Date.now()}`);
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = await dialog.getByRole("textbox", { name: "API key" }).inputValue();
    expect(key).toMatch(/^lk_live_/);
    secrets.push(key, key.slice("lk_live_".length));
    const auth = { Authorization: `Bearer ${key}` };

    // Tokens made through the API; some redeemed, one looked up by its value through the ids filter, bad calls too.
    // Stored in the clear on purpose: the scan must find it everywhere, or it is not looking.
    const control = `leak-probe-control-${Date.now()}`;
    for (const body of [{ expiresIn: 600 }, { expiresIn: 3600, oneTimeUse: false, extra: control }, { expiresIn: 900 }]) {
      const created = await request.post("/api/v1/login-tokens", { headers: auth, data: body });
      expect(created.status()).toBe(201);
      secrets.push((await created.json()).token);
    }
    const [first, second, third] = secrets.slice(-3) as [string, string, string];
    expect((await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: first } })).status()).toBe(200);
    expect((await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: first } })).status()).toBe(422);
    expect(
      (await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: second, referrer: "https://elsewhere.example" } })).status(),
    ).toBe(200);
    expect((await request.get(`/api/v1/login-tokens?ids=${third}`, { headers: auth })).status()).toBe(200);
    expect((await request.post("/api/v1/login-tokens/redeem", { headers: auth, data: { token: third, unexpected: true } })).status()).toBe(422);
    expect((await request.get("/api/v1/login-tokens", { headers: { Authorization: `Bearer ${key}x` } })).status()).toBe(401);

    // A token made in the back-office, then revealed and rotated there.
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const create = page.getByRole("dialog", { name: "New Login Token" });
    await create.getByRole("button", { name: "Expires at" }).click();
    await page.getByRole("button", { name: "1 day" }).click();
    await create.getByRole("textbox", { name: "Extra" }).fill(`${control} made in the back-office`);
    await create.getByRole("button", { name: "Save" }).click();
    const done = page.getByRole("dialog", { name: "Login token created" });
    const made = new URL(await done.getByRole("textbox", { name: "Login link" }).inputValue()).searchParams.get("t")!;
    secrets.push(made);
    await done.getByRole("button", { name: "Done" }).click();
    await page.getByRole("table", { name: "Login tokens" }).locator("tbody tr").filter({ hasText: control }).getByRole("button").first().click();
    const edit = page.getByRole("dialog", { name: /^Edit login token/ });
    await edit.getByRole("button", { name: "Show token" }).click();
    await expect(edit.getByRole("textbox", { name: "Token" })).toHaveValue(made);
    await edit.getByRole("button", { name: "Rotate" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Rotate token" }).click();
    await expect(edit.getByRole("textbox", { name: "Token" })).not.toHaveValue(made);
    const rotated = await edit.getByRole("textbox", { name: "Token" }).inputValue();
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    secrets.push(rotated);

    // Login links opened in a browser: one lands in the shop, the used one-time link is refused, and so is a made-up value.
    const linked = await request.post("/api/v1/login-tokens", { headers: auth, data: { expiresIn: 600, oneTimeUse: true } });
    const link = (await linked.json()) as { token: string; loginUrl: string };
    secrets.push(link.token);
    const visitor = await page.context().browser()!.newPage();
    // Every page proof the continue pages handed out is a secret too: it is what the redeeming POST carries.
    visitor.on("response", async (response) => {
      if (new URL(response.url()).pathname !== "/login/token") return;
      const proof = /name="proof" value="([^"]+)"/.exec(await response.text().catch(() => ""))?.[1];
      if (proof) secrets.push(proof);
    });
    await openLoginLink(visitor, link.loginUrl);
    await expect(visitor).toHaveURL(/\/shop$/);
    await openLoginLink(visitor, link.loginUrl);
    await expect(visitor).toHaveURL(/\/login\/token\/invalid$/);
    const madeUp = "A".repeat(43);
    secrets.push(madeUp);
    await openLoginLink(visitor, `/login/token?t=${madeUp}`);
    await expect(visitor).toHaveURL(/\/login\/token\/invalid$/);
    expect(secrets.filter((secret) => secret.split(".").length === 5).length).toBeGreaterThanOrEqual(3);
    await visitor.close();

    const report = await scanForSecrets([control, ...secrets]);
    const wheres = report.found.filter((f) => f.secret === control).map((f) => f.where);
    expect(wheres).toEqual(expect.arrayContaining(["server log", "database rows"]));
    expect(wheres.some((where) => where.startsWith("base/") || where.startsWith("pg_wal/"))).toBe(true);
    expect(report.found.filter((f) => f.secret !== control)).toEqual([]);
  });
});
