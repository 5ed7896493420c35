import { type BrowserContext } from "@playwright/test";
import { expect, test, shopSessionCount } from "./fixtures/data";
import { openLoginLink } from "./fixtures/continue-page";

async function shopCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === "latchkey-shop");
  if (!cookie) throw new Error("No webshop session cookie");
  return cookie;
}

const sessionRows = (cookieValue: string) => shopSessionCount({ cookieValue });

test.describe("the storefront", () => {
  test("says plainly when nobody is signed in", async ({ page }) => {
    await page.goto("/shop");
    await expect(page.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("shows who opened the shop on a buyer's behalf and why; Sign out ends the session for good", async ({ page, context, tokens }) => {
    const token = await tokens.visitor({ user: "contact", byStaff: true, reason: "Checking the quote for order 4711" });
    await openLoginLink(page, token.loginUrl);
    const notice = page.getByRole("status").filter({ hasText: "You are viewing the shop as" });
    await expect(notice).toContainText(`You are viewing the shop as ${token.name}, opened by ${token.staffName}`);
    await expect(notice).toContainText("Reason: Checking the quote for order 4711");
    await expect(notice).toContainText(/This session ends in (59|60) minutes/);

    const cookie = await shopCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
    expect(await sessionRows(cookie.value)).toBe(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible();
    expect(await sessionRows(cookie.value)).toBe(0);
    expect((await context.cookies()).some((c) => c.name === "latchkey-shop")).toBe(false);

    // A copy of the old cookie signs nobody in: the row behind it is gone.
    await context.addCookies([cookie]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible();
  });

  test("an anonymous link made by staff says so too", async ({ page, tokens }) => {
    const token = await tokens.visitor({ byStaff: true });
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("status")).toContainText(`You are viewing the shop as an anonymous punch-out session, opened by ${token.staffName}`);
    await expect(page.getByRole("status")).not.toContainText("Reason");
  });

  test("signing in through another link replaces the session instead of continuing it", async ({ page, context, tokens }) => {
    const first = await tokens.visitor({ user: "contact" });
    await openLoginLink(page, first.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${first.name}` })).toBeVisible();
    const before = await shopCookie(context);

    const second = await tokens.visitor({ user: "customer" });
    await openLoginLink(page, second.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${second.name}` })).toBeVisible();
    const after = await shopCookie(context);
    expect(after.value).not.toBe(before.value);
    expect(await sessionRows(before.value)).toBe(0);
    expect(await sessionRows(after.value)).toBe(1);
  });

  test("a sign-out posted from another site is refused", async ({ page, context, request, tokens }) => {
    const token = await tokens.visitor();
    await openLoginLink(page, token.loginUrl);
    await expect(page.getByRole("heading", { level: 1, name: "Anonymous punch-out session" })).toBeVisible();
    const cookie = await shopCookie(context);
    const response = await request.post("/shop/sign-out", {
      headers: { Origin: "https://evil.example", Cookie: `${cookie.name}=${cookie.value}` },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await sessionRows(cookie.value)).toBe(1);
  });
});
