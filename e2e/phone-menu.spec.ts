import { expect, test } from "@playwright/test";
import { storageStateFor } from "./fixtures/staff";

test.use({ storageState: storageStateFor("editor"), viewport: { width: 390, height: 844 } });

test("on a phone the pages fold under Menu: a page starts with its own heading, and the menu folds again after a choice", async ({ page }) => {
  await page.goto("/users/login-tokens");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Login Tokens" })).toBeInViewport();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a wide screen the pages stand beside the content, with no Menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/users/login-tokens");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

test.describe("as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("on a phone the top bar says the access is read-only while the staff menu is folded away", async ({ page }) => {
    await page.goto("/users/login-tokens");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByText("Read-only", { exact: true })).toBeInViewport();
  });
});

test("an editor's top bar has no read-only badge", async ({ page }) => {
  await page.goto("/users/login-tokens");
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  await expect(page.getByText("Read-only", { exact: true })).toHaveCount(0);
});
