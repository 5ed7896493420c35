import type { Locator } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { demoStaff, storageStateFor } from "./fixtures/staff";
import { postContinueForm } from "./fixtures/continue-page";

test.describe("Audit log, as the editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("shows an edit field by field and a reveal, by whom, filters them, and links to the token", async ({ page, people, tokens }) => {
    const contact = await people.contact("Audra");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, extra: "before", expiresAt: new Date(Date.now() + 86_400_000) });

    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    await dialog.getByRole("button", { name: "Show token" }).click();
    await expect(dialog.getByRole("textbox", { name: "Token" })).toHaveValue(token.value);
    await dialog.getByRole("textbox", { name: "Extra" }).fill("after");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    await page.goto(`/users/audit-log?token=${token.id}`);
    const rows = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    // Newest first: the edit, then the reveal, both by the editor, from this browser.
    await expect(rows.nth(0)).toContainText("Token edited");
    await expect(rows.nth(0)).toContainText("Extra: before → after");
    await expect(rows.nth(1)).toContainText("Token revealed");
    for (const i of [0, 1]) {
      await expect(rows.nth(i)).toContainText(demoStaff("editor").name);
      await expect(rows.nth(i)).toContainText("127.0.0.1");
      await expect(rows.nth(i)).toContainText("Chrome");
    }
    // The secret is in no event.
    await expect(page.locator("main")).not.toContainText(token.value);
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText(`Token: ${token.id.slice(0, 8)}…`);

    await page.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Token revealed" }).click();
    await expect(page).toHaveURL(/action=token\.revealed/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Token revealed");

    await page.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Token deleted" }).click();
    await expect(page.getByText("No events match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Remove filter Action: Token deleted" }).click();
    await expect(rows).toHaveCount(2);

    await page.getByRole("combobox", { name: "Actor" }).click();
    await page.getByRole("option", { name: demoStaff("viewer").name }).click();
    await expect(page.getByText("No events match these filters")).toBeVisible();
    await page.goBack();
    await expect(rows).toHaveCount(2);

    await rows
      .first()
      .getByRole("link", { name: `Open token ${token.id}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`/users/login-tokens\\?token=${token.id}`));
    await expect(dialog).toBeVisible();
  });

  test("the Token id field refuses a token's secret value at the field, applies an id, and empties when its chip is removed", async ({ page, tokens }) => {
    const token = await tokens.create({ expiresAt: new Date(Date.now() + 86_400_000) });
    await page.goto("/users/audit-log");
    const field = page.getByRole("textbox", { name: "Token id" });

    await field.fill(token.value);
    await field.press("Enter");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("the secret value is not searchable here")).toBeVisible();
    await expect(page).not.toHaveURL(/token=/);
    // The message below the field leaves the other filters' boxes in line with it.
    const top = (control: Locator) => control.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs((await top(page.getByRole("combobox", { name: "Actor" }))) - (await top(field)))).toBeLessThan(2);

    // An id pasted in capitals, with the spaces a copy brings, is the same id.
    await field.fill(` ${token.id.toUpperCase()} `);
    await field.blur();
    await expect(page).toHaveURL(new RegExp(`token=${token.id}`));
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText(`Token: ${token.id.slice(0, 8)}…`);

    await page.getByRole("button", { name: `Remove filter Token: ${token.id.slice(0, 8)}…` }).click();
    await expect(page).not.toHaveURL(/token=/);
    await expect(field).toHaveValue("");
  });

  test("names the actor chosen in the URL in the Actor select, and the page size, from the first render, before the browser's script runs", async ({
    page,
  }) => {
    const viewer = demoStaff("viewer");
    const [staff] = await e2eQuery<{ id: string }>("SELECT id FROM staff_users WHERE email = $1", [viewer.email]);
    // Without the app's scripts the page stays as the server rendered it: the select's list never mounts.
    await page.route("**/_next/static/chunks/**", (route) => route.abort());
    await page.goto(`/users/audit-log?actor=staff:${staff!.id}`);
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText(`Actor: ${viewer.name}`);
    await expect(page.getByRole("combobox", { name: "Actor" })).toHaveText(viewer.name);
    await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveText("50");
  });

  test("a visitor's failed redemption names no staff member, only the address", async ({ page, baseURL, tokens }) => {
    const token = await tokens.create({ expiresAt: new Date(Date.now() - 60_000) });
    await postContinueForm(page.request, new URL(baseURL!).origin, token.value);
    const [event] = await e2eQuery<{ action: string }>("SELECT action FROM audit_events WHERE login_token_id = $1", [token.id]);
    expect(event?.action).toBe("token.redeem_failed");

    await page.goto(`/users/audit-log?token=${token.id}&actor=visitor`);
    const row = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Redemption failed");
    await expect(row).toContainText("Visitor");
    await expect(row).toContainText("Through: login link");
  });
});

test.describe("Audit log, as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("reads the log, which offers nothing to change", async ({ page }) => {
    await page.goto("/users/audit-log");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit events" }).locator("tbody tr").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /delete|edit|remove event/i })).toHaveCount(0);
  });
});

test.describe("Audit log, as staff without the Configuration role", () => {
  test.use({ storageState: storageStateFor("orders") });

  test("answers 403 and shows no events", async ({ page }) => {
    const response = await page.goto("/users/audit-log");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  });
});
