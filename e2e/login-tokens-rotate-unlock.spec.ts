import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";
import { postContinueForm } from "./fixtures/continue-page";

test.describe("Login Tokens, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("rotates a token after confirming: the new link works, the old one no longer does, the counters stay", async ({ page, baseURL, people, tokens }) => {
    const contact = await people.contact("Rory");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, successfulAttempts: 4, expiresAt: new Date(Date.now() + 86_400_000) });
    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });

    await dialog.getByRole("button", { name: "Rotate" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Rotate this token?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog.getByRole("textbox", { name: "Token" })).not.toHaveValue(/^[A-Za-z0-9_-]{43}$/);

    await dialog.getByRole("button", { name: "Rotate" }).click();
    await confirm.getByRole("button", { name: "Rotate token" }).click();
    await expect(page.getByText("Token rotated")).toBeVisible();
    const value = dialog.getByRole("textbox", { name: "Token" });
    await expect(value).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    const rotated = await value.inputValue();
    expect(rotated).not.toBe(token.value);
    await expect(dialog.getByRole("textbox", { name: "Login link" })).toHaveValue(`${baseURL}/login/token?t=${rotated}`);

    const origin = new URL(baseURL!).origin;
    const redeem = (t: string) => postContinueForm(page.request, origin, t);
    expect((await redeem(token.value)).headers()["location"]).toMatch(/\/login\/token\/invalid$/);
    expect((await redeem(rotated)).headers()["location"]).toMatch(/\/shop$/);
    // The rotation is not an edit of the settings: saving in the same dialog still goes through.
    await dialog.getByRole("textbox", { name: "Extra" }).fill("rotated after a leak");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Login token saved")).toBeVisible();
    await page.goto(`/users/login-tokens?token=${token.id}`);
    await expect(dialog.getByRole("complementary", { name: "Token details" })).toContainText("5");
  });

  test("unlocks a locked token, which then shows as active", async ({ page, people, tokens }) => {
    const contact = await people.contact("Lock");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, failedAttempts: 10, lockedAt: new Date() });
    await page.goto(`/users/login-tokens?status=locked&user=contact:${contact.id}`);
    const row = page.getByRole("table", { name: "Login tokens" }).locator("tbody tr").filter({ hasText: contact.name });
    await expect(row).toContainText("Locked");

    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    await expect(dialog.getByText("Locked after 10 failed attempts")).toBeVisible();
    await dialog.getByRole("button", { name: "Unlock" }).click();
    await expect(page.getByText("Token unlocked")).toBeVisible();
    await expect(dialog.getByText(/Locked after/)).toHaveCount(0);
    await expect(dialog).toContainText("Active");
  });
});

test.describe("Login Tokens, as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees that a token is locked, but cannot unlock or rotate it", async ({ page, people, tokens }) => {
    const contact = await people.contact("Vale");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, failedAttempts: 12, lockedAt: new Date() });
    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Login token · ${contact.name}` });
    await expect(dialog.getByText("Locked after 12 failed attempts")).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Unlock" })).toHaveCount(0);
    await expect(dialog.getByRole("button", { name: "Rotate" })).toHaveCount(0);
  });
});
