import { createServer, type Server } from "node:http";
import { type Page } from "@playwright/test";
import { expect, test, auditEvents, tokenCounters } from "./fixtures/data";
import { generateTokenValue } from "../lib/login-tokens/token-crypto";
import { E2E_PORT } from "./e2e-env.mjs";
import { continueForm, openLoginLink, untilProofsAccepted } from "./fixtures/continue-page";

const INVALID = "This login link is invalid or has expired";

async function expectRefused(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: INVALID })).toBeVisible();
  await expect(page).toHaveURL(/\/login\/token\/invalid$/);
}

test.describe("a visitor opens a login link", () => {
  test("a contact's link continues with a click and lands in the shop as that contact, with the counters moved", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "contact" });
    await openLoginLink(page, token.loginUrl);
    await expect(page).toHaveURL(/\/shop$/);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    const session = page.getByRole("region", { name: "Your session" });
    await expect(session).toContainText("Business buyer (contact)");
    await expect(session).toContainText(token.company!);
    await expect(session).toContainText(token.id);
    await expect(page.getByRole("banner")).toContainText(`${token.name} · ${token.company}`);
    await expect(page.getByText(/You are viewing the shop as/)).toHaveCount(0);
    expect(page.url()).not.toContain(token.value);

    // What the back-office row shows for the token now.
    const counters = await tokenCounters(token.id);
    expect(counters).toMatchObject({ successfulAttempts: 1, failedAttempts: 0, usedAt: null, deletedAt: null });
    expect(counters.lastAccessedAt).not.toBeNull();
    const [audit, ...more] = await auditEvents(token.id);
    expect(more).toHaveLength(0);
    expect(audit).toMatchObject({ action: "token.redeemed", actorType: "VISITOR", ip: "127.0.0.1" });
    expect(audit?.userAgent).toContain("Chrome");
    expect(JSON.stringify(audit?.details)).not.toContain(token.value);
  });

  test("a customer's link lands in the shop as that customer", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "customer" });
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    const session = page.getByRole("region", { name: "Your session" });
    await expect(session).toContainText("Customer");
    await expect(session).not.toContainText("Company");
    await expect(session).toContainText(token.id);
  });

  test("an anonymous link opens an anonymous punch-out session", async ({ page, tokens }) => {
    const token = await tokens.visitor();
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Anonymous punch-out session" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your session" })).toContainText(token.id);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("a one-time link works once; the second time shows the generic message and staff see the failure", async ({ page, browser, tokens }) => {
    const token = await tokens.visitor({ user: "contact", oneTimeUse: true });
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();

    const elsewhere = await browser.newContext();
    const second = await elsewhere.newPage();
    await openLoginLink(second, token.loginUrl);
    await expectRefused(second);
    await elsewhere.close();

    const counters = await tokenCounters(token.id);
    expect(counters).toMatchObject({ successfulAttempts: 1, failedAttempts: 1 });
    expect(counters.usedAt).not.toBeNull();
    // Used up, not deleted: it stays listed as Used until staff delete it.
    expect(counters.deletedAt).toBeNull();
    expect(await auditEvents(token.id, "token.redeem_failed")).toHaveLength(1);
  });

  test("going Back from the shop to the continue page does not spend the link again", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "contact", oneTimeUse: true });
    await page.goto("/shop");
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    await page.goBack({ waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1, name: "Continue to the webshop" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue to the webshop" })).toBeEnabled();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
    await page.goForward();
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  });

  test("expired, deleted, locked and unknown links all show the same generic message", async ({ page, tokens }) => {
    const refused = [
      await tokens.visitor({ expiresAt: new Date(Date.now() - 60_000) }),
      await tokens.visitor({ deleted: true }),
      await tokens.visitor({ locked: true }),
    ];
    for (const token of refused) {
      await openLoginLink(page, token.loginUrl);
      await expectRefused(page);
      expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 1 });
    }
    await openLoginLink(page, `/login/token?t=${generateTokenValue()}`);
    await expectRefused(page);
  });

  test("a link with a redirect path lands there, and a redirect parameter is honoured only on this origin", async ({ page, tokens }) => {
    const withPath = await tokens.visitor({ redirectPath: "/shop?from=link" });
    await openLoginLink(page, withPath.loginUrl);
    await expect(page).toHaveURL(/\/shop\?from=link$/);

    const offsite = await tokens.visitor();
    await openLoginLink(page, `${offsite.loginUrl}&redirect=${encodeURIComponent("//evil.example/steal")}`);
    await expect(page).toHaveURL(/\/shop$/);
    await expect(page.getByRole("region", { name: "Your session" })).toContainText(offsite.id);

    const onsite = await tokens.visitor();
    await openLoginLink(page, `${onsite.loginUrl}&redirect=${encodeURIComponent("/shop?tab=orders")}`);
    await expect(page).toHaveURL(/\/shop\?tab=orders$/);
    await expect(page.getByRole("region", { name: "Your session" })).toContainText(onsite.id);
  });
});

test.describe("a link bound to a referrer", () => {
  // A page on another origin (another port) that links to the login link, as a partner portal would.
  const portalPort = E2E_PORT + 5;
  const portal = `http://127.0.0.1:${portalPort}`;
  let server: Server;
  let linkTarget = "";

  test.beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(`<!doctype html><title>Partner portal</title><a href="${linkTarget}">Open the webshop</a>`);
    });
    await new Promise<void>((resolve) => server.listen(portalPort, "127.0.0.1", resolve));
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  test.describe.configure({ mode: "serial" });

  test("redeems when the browser comes from that origin", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "contact", referrer: portal });
    linkTarget = token.loginUrl;
    await page.goto(portal);
    await page.getByRole("link", { name: "Open the webshop" }).click();
    await expect(page.locator("form[data-ready]")).toBeAttached();
    await page.getByRole("button", { name: "Continue to the webshop" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  });

  test("is refused from another origin, or with no origin at all", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "contact", referrer: portal });
    await openLoginLink(page, token.loginUrl, { referer: "http://localhost:9/elsewhere" });
    await expectRefused(page);
    await openLoginLink(page, token.loginUrl);
    await expectRefused(page);
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 2 });
  });
});

test.describe("fetching a link without the browser's POST", () => {
  test("a scanner's GET shows the continue page, uses nothing up and moves no counter", async ({ request, page, tokens }) => {
    const token = await tokens.visitor({ oneTimeUse: true });
    expect((await request.head(token.loginUrl)).status()).toBe(200);
    for (let i = 0; i < 3; i++) {
      const response = await request.get(token.loginUrl);
      expect(response.status()).toBe(200);
      expect(response.headers()["referrer-policy"]).toBe("no-referrer");
      expect(response.headers()["cache-control"]).toContain("no-store");
      const html = await response.text();
      expect(html).toContain("Continue to the webshop");
      expect(html).toContain('action="/login/token/redeem"');
    }
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null, usedAt: null });
    expect(await auditEvents(token.id)).toHaveLength(0);

    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Anonymous punch-out session" })).toBeVisible();
  });

  test("a browser that runs the page's script and waits, clicking nothing, uses nothing up and moves no counter", async ({ page, tokens }) => {
    const token = await tokens.visitor({ user: "contact", oneTimeUse: true });
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.goto(token.loginUrl);
    await expect(page.locator("form[data-ready]")).toBeAttached();
    // What a scanner with a real browser does: it runs the script and waits for the page to act by itself.
    await page.waitForTimeout(5_000);
    await expect(page.getByRole("heading", { level: 1, name: "Continue to the webshop" })).toBeVisible();
    await expect(page.getByText(token.name!)).toHaveCount(0);
    expect(posts).toEqual([]);
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null, usedAt: null });
    expect(await auditEvents(token.id)).toHaveLength(0);

    await page.getByRole("button", { name: "Continue to the webshop" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  });

  test("a POST without the page's proof is sent back to the continue page, counts nothing, and the button works", async ({ page, request, tokens }) => {
    const token = await tokens.visitor({ user: "contact", oneTimeUse: true });
    const origin = new URL(token.loginUrl).origin;
    const bounced = await request.post("/login/token/redeem", { form: { t: token.value }, headers: { Origin: origin }, maxRedirects: 0 });
    expect(bounced.status()).toBe(303);
    expect(bounced.headers()["location"]).toBe(`/login/token?t=${token.value}`);
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null });
    expect(await auditEvents(token.id)).toHaveLength(0);

    await openLoginLink(page, new URL(bounced.headers()["location"]!, origin).href);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
  });

  test("without script the visitor continues with the button", async ({ browser, tokens }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const token = await tokens.visitor({ user: "contact", oneTimeUse: true });
    const openedAt = Date.now();
    await page.goto(token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Continue to the webshop" })).toBeVisible();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0 });
    // A person reads before clicking; the server refuses a proof younger than a second.
    await expect.poll(() => Date.now()).toBeGreaterThan(openedAt + 1_100);
    await page.getByRole("button", { name: "Continue to the webshop" }).click();
    await expect(page).toHaveURL(/\/shop$/);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` })).toBeVisible();
    expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
    await context.close();
  });

  test("the failure page and the redemption's answers keep the link out of caches and Referers", async ({ request, tokens }) => {
    const invalid = await request.get("/login/token/invalid");
    expect(invalid.headers()["referrer-policy"]).toBe("no-referrer");
    expect(invalid.headers()["cache-control"]).toContain("no-store");
    expect(await invalid.text()).toContain(INVALID);

    const token = await tokens.visitor();
    const form = await continueForm(new URL(token.loginUrl).origin, token.value);
    await untilProofsAccepted([form]);
    const redeemed = await request.post("/login/token/redeem", {
      form: Object.fromEntries(form),
      headers: { Origin: new URL(token.loginUrl).origin },
      maxRedirects: 0,
    });
    expect(redeemed.status()).toBe(303);
    expect(redeemed.headers()["location"]).toBe("/shop");
    expect(redeemed.headers()["referrer-policy"]).toBe("no-referrer");
    expect(redeemed.headers()["cache-control"]).toBe("no-store");
  });
});
