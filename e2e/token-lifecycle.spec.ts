import type { Browser, Page } from "@playwright/test";
import { openLoginLink } from "./fixtures/continue-page";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { demoStaff, storageStateFor } from "./fixtures/staff";

const SIGNED_OUT = "You are not signed in";

/** A visitor of their own (no staff cookies) who opens the link and lands in the shop. */
async function visitorThrough(browser: Browser, value: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openLoginLink(page, `/login/token?t=${value}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome, / })).toBeVisible();
  return { page, close: () => context.close() };
}

async function expectSignedOut(page: Page) {
  await page.goto("/shop");
  await expect(page.getByRole("heading", { level: 1, name: SIGNED_OUT })).toBeVisible();
}

const inADay = () => new Date(Date.now() + 86_400_000);

/** The New Login Token dialog with the person picked and a day's expiry. */
async function newTokenFor(page: Page, name: string) {
  await page.goto("/users/login-tokens");
  await page.getByRole("button", { name: "New Login Token" }).click();
  const dialog = page.getByRole("dialog", { name: "New Login Token" });
  await dialog.getByRole("combobox", { name: "Select contact or customer" }).click();
  await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(name.split(" ")[1]!);
  await page.getByRole("option", { name: new RegExp(name) }).click();
  // The picker hands focus back to its trigger as it closes; a date popover opened before that would lose it and close.
  await expect(page.getByRole("combobox", { name: "Search contacts and customers" })).toBeHidden();
  await dialog.getByRole("button", { name: "Expires at" }).click();
  await page.getByRole("button", { name: "1 day" }).click();
  return dialog;
}

test.describe("a token's sessions and uses, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });
  // Each test drives the back-office and two or three visitors' browsers in turn.
  test.slow();

  test("the dialog lists who is signed in through the token and what happened; End session and Rotate sign the visitor out", async ({
    page,
    browser,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Sally");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, expiresAt: inADay() });
    const visitor = await visitorThrough(browser, token.value);

    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    const sessions = dialog.getByRole("region", { name: /Active sessions/ });
    await expect(sessions).toContainText("Active sessions (1)");
    await expect(sessions).toContainText(/Chrome \d+ on \w+/);
    await expect(sessions).toContainText("127.0.0.1 · opened");
    const activity = dialog.getByRole("list", { name: "Token activity" });
    await expect(activity).toContainText("Token redeemed · through login link");
    await expect(activity).toContainText("Visitor · 127.0.0.1");
    await expect(dialog.getByRole("link", { name: "Open in the audit log" })).toHaveAttribute("href", `/users/audit-log?token=${token.id}`);

    await sessions.getByRole("button", { name: "End session opened from 127.0.0.1" }).click();
    await expect(page.getByText("Session ended", { exact: true })).toBeVisible();
    await expect(sessions).toContainText("Nobody is signed in to the shop through this token.");
    await expect(activity).toContainText("Shop sessions ended");
    await expectSignedOut(visitor.page);
    await visitor.close();

    const again = await visitorThrough(browser, token.value);
    await dialog.getByRole("button", { name: "Rotate" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Rotate token" }).click();
    await expect(page.getByText("Token rotated")).toBeVisible();
    await expectSignedOut(again.page);
    await again.close();
    const [ended] = await e2eQuery<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_events WHERE login_token_id = $1 AND action = 'token.sessions_ended'",
      [token.id],
    );
    expect(ended?.count).toBe(1);
  });

  test("a token of 2 uses made in the dialog shows its uses in the table and works twice", async ({ page, browser, people }) => {
    const contact = await people.contact("Maxine");
    const dialog = await newTokenFor(page, contact.name);
    await dialog.getByRole("checkbox", { name: "One time use" }).uncheck();
    await dialog.getByRole("spinbutton", { name: "Max uses (optional)" }).fill("1");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("At least 2 uses; a token for a single use is one-time.")).toBeVisible();
    await dialog.getByRole("spinbutton", { name: "Max uses (optional)" }).fill("2");
    await dialog.getByRole("spinbutton", { name: "Minutes after first use (optional)" }).fill("30");
    await dialog.getByRole("button", { name: "Save" }).click();
    const done = page.getByRole("dialog", { name: "Login token created" });
    const value = new URL(await done.getByRole("textbox", { name: "Login link" }).inputValue()).searchParams.get("t")!;
    await done.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("table", { name: "Login tokens" }).locator("tbody tr").filter({ hasText: contact.name });
    await expect(row).toContainText("0 of 2 uses");

    for (let use = 1; use <= 2; use++) await (await visitorThrough(browser, value)).close();
    const [saved] = await e2eQuery<{ successful_attempts: number; used_at: Date | null; expires_at: Date }>(
      "SELECT successful_attempts, used_at, expires_at FROM login_tokens WHERE contact_id = $1",
      [contact.id],
    );
    expect(saved).toMatchObject({ successful_attempts: 2 });
    expect(saved!.used_at).not.toBeNull();
    // The first use started the 30 minutes, sooner than the day the token was made for.
    expect(saved!.expires_at.getTime() - Date.now()).toBeLessThan(31 * 60_000);

    const third = await browser.newContext();
    const late = await third.newPage();
    await openLoginLink(late, `/login/token?t=${value}`);
    await expect(late.getByRole("heading", { level: 1, name: "This login link is invalid or has expired" })).toBeVisible();
    await third.close();
  });

  test("creating a link with “Revoke this person's other links” stops the old link and signs out whoever used it", async ({
    page,
    browser,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Rhea");
    const [editor] = await e2eQuery<{ id: string }>("SELECT id FROM staff_users WHERE email = $1", [demoStaff("editor").email]);
    const old = await tokens.create({ contactId: contact.id, userName: contact.name, expiresAt: inADay(), createdByStaffId: editor!.id });
    const visitor = await visitorThrough(browser, old.value);

    const dialog = await newTokenFor(page, contact.name);
    await dialog.getByRole("checkbox", { name: "Revoke this person's other links" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog", { name: "Login token created" })).toBeVisible();

    await expectSignedOut(visitor.page);
    await openLoginLink(visitor.page, `/login/token?t=${old.value}`);
    await expect(visitor.page.getByRole("heading", { level: 1, name: "This login link is invalid or has expired" })).toBeVisible();
    await visitor.close();
    const [deleted] = await e2eQuery<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_events WHERE login_token_id = $1 AND action = 'token.deleted'",
      [old.id],
    );
    expect(deleted?.count).toBe(1);
  });
});
