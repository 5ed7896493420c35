import type { Page } from "@playwright/test";
import { generateSync } from "otplib";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

async function signInWithPassword(page: Page, staff: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a staff member sets up TOTP from the key shown with the QR code, and signs in again with a code", async ({ page, browser, staffMembers }) => {
  const staff = await staffMembers.create();
  // Early in the name order, so that the first page of Settings > Staff shows them.
  const name = `Aa Totp ${staff.email.slice(0, 8)}`;
  await e2eQuery(`UPDATE staff_users SET name = $1 WHERE id = $2`, [name, staff.id]);
  await signInWithPassword(page, staff);
  await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByLabel("Cannot scan it? Enter this set-up key:").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill(generateSync({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/Authenticator app · 10 recovery codes left/)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await signInWithPassword(page, staff);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByLabel("Code").fill("000000" === generateSync({ secret }) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText("This code is not right, or it was used already.", { exact: false })).toBeVisible();
  // The code of set-up was used; the next step's is inside the window and not used yet.
  await page.getByLabel("Code").fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Login Tokens" })).toBeVisible();

  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  await adminPage.goto("/settings/staff");
  await expect(adminPage.getByRole("row").filter({ hasText: staff.email }).getByRole("cell", { name: "On", exact: true })).toBeVisible();
  await admin.close();
});
