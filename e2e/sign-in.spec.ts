import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoStaff, storageStateFor } from "./fixtures/staff";

test.describe("staff sign-in", () => {
  test("an editor signs in with the form, lands on Login Tokens and signs out", async ({ page }) => {
    await page.goto("/users/login-tokens");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("Email").fill(demoStaff("editor").email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/users\/login-tokens$/);
    await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();
    await expect(page.getByText(demoStaff("editor").name)).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login(\?|$)/);
    await page.goto("/users/login-tokens");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused with a message that reveals nothing", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(demoStaff("editor").email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email or password is not right.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);

    // An unknown email gets exactly the same answer.
    await page.getByLabel("Email").fill("nobody@latchkey.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email or password is not right.")).toBeVisible();
  });
});

test.describe("as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees Login Tokens in the menu and the tokens, marked read-only", async ({ page }) => {
    await page.goto("/users/login-tokens");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Login Tokens" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByText("Viewer · read-only")).toBeVisible();
  });
});

test.describe("as staff without the Configuration role", () => {
  test.use({ storageState: storageStateFor("orders") });

  test("the menu hides Login Tokens and the page answers 403 with no data", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Login Tokens" })).toHaveCount(0);
    const response = await page.goto("/users/login-tokens");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("You don't have access to this page")).toBeVisible();
    await expect(page.getByText("You need the Configuration role for this.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
