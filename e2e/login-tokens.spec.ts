import type { Page } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { bodyRows, rowOf, seriousViolations } from "./fixtures/login-tokens-page";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

async function pickUser(page: Page, field: string, search: string, option: RegExp) {
  await page.getByRole("combobox", { name: field }).click();
  await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(search);
  await page.getByRole("option", { name: option }).click();
  // The picker hands focus back to its trigger as it closes; a popover opened before that would lose it and close.
  await expect(page.getByRole("combobox", { name: "Search contacts and customers" })).toBeHidden();
}

test.describe("Login Tokens, as the editor", () => {
  test.use({ storageState: storageStateFor("editor"), permissions: ["clipboard-read", "clipboard-write"] });

  test("creates a token for a contact and gets its login link, a QR code and the new row", async ({ page, tag, people }) => {
    const contact = await people.contact("Carla");
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const dialog = page.getByRole("dialog", { name: "New Login Token" });
    await pickUser(page, "Select contact or customer", tag, new RegExp(`Carla ${tag}.*Contact`));
    await expect(dialog.getByRole("combobox", { name: "Select contact or customer" })).toContainText(`${contact.name} · Contact · ${contact.email}`);
    await dialog.getByRole("button", { name: "Expires at" }).click();
    await page.getByRole("button", { name: "7 days" }).click();
    await dialog.getByRole("textbox", { name: "Extra" }).fill(`For ${tag}`);
    await expect(dialog.getByText(`${`For ${tag}`.length} / 4,000`)).toBeVisible();
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Checking the order screen with the customer on the phone");
    await dialog.getByRole("checkbox", { name: "One time use" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();

    const done = page.getByRole("dialog", { name: "Login token created" });
    await expect(done).toBeVisible();
    await expect(page.getByText("Login token created").last()).toBeVisible();
    const link = await done.getByRole("textbox", { name: "Login link" }).inputValue();
    expect(link).toMatch(/\/login\/token\?t=[A-Za-z0-9_-]{43}$/);
    await expect(done.getByRole("img", { name: "QR code of the login link" })).toBeVisible();
    await expect(done).toContainText(`signed in as ${contact.name}`);
    await done.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await done.getByRole("button", { name: "Done" }).click();

    const row = rowOf(page, contact.name);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Contact");
    await expect(row).toContainText("Yes");
    const [saved] = await e2eQuery("SELECT user_type, one_time_use, extra, reason, expires_at FROM login_tokens WHERE contact_id = $1", [contact.id]);
    expect(saved).toMatchObject({
      user_type: "CONTACT",
      one_time_use: true,
      extra: `For ${tag}`,
      reason: "Checking the order screen with the customer on the phone",
    });
    expect(saved!.expires_at.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  });

  test("creates a token for a customer", async ({ page, tag, people }) => {
    const customer = await people.customer("Cyrus");
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    await pickUser(page, "Select contact or customer", customer.email, new RegExp(`Cyrus ${tag}.*Customer`));
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog", { name: "Login token created" })).toContainText(`signed in as ${customer.name}`);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(rowOf(page, customer.name)).toContainText("Customer");
    expect(await e2eQuery("SELECT id FROM login_tokens WHERE customer_id = $1 AND user_type = 'CUSTOMER'", [customer.id])).toHaveLength(1);
  });

  test("creates an anonymous token; a referrer that is not an origin is refused at its field", async ({ page, tag }) => {
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const dialog = page.getByRole("dialog", { name: "New Login Token" });
    await expect(dialog.getByRole("textbox", { name: /Reason/ })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Expires at" }).click();
    await page.getByRole("button", { name: "1 day" }).click();
    await dialog.getByRole("textbox", { name: "Extra" }).fill(`OCI punch-out ${tag}`);
    await dialog.getByRole("textbox", { name: /Allowed referrer/ }).fill("not an origin");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("Enter an origin such as https://shop.example.com (scheme and host, no path).")).toBeVisible();
    await dialog.getByRole("textbox", { name: /Allowed referrer/ }).fill("");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog", { name: "Login token created" })).toContainText("signed in as an anonymous visitor");
    await page.getByRole("button", { name: "Done" }).click();
    const row = rowOf(page, `OCI punch-out ${tag}`);
    await expect(row).toContainText("Anonymous");
    expect(await e2eQuery("SELECT id FROM login_tokens WHERE extra = $1 AND user_type IS NULL", [`OCI punch-out ${tag}`])).toHaveLength(1);
  });

  test("edits a token from its row and saves; a stale edit shows why it was refused", async ({ page, people, tokens }) => {
    const contact = await people.contact("Edda");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, extra: "before", expiresAt: new Date(Date.now() + 86_400_000) });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await rowOf(page, contact.name).getByRole("cell").nth(3).click();
    await expect(page).toHaveURL(new RegExp(`token=${token.id}`));
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    await expect(dialog.getByRole("textbox", { name: "Extra" })).toHaveValue("before");
    await expect(dialog.getByRole("complementary", { name: "Token details" })).toContainText("Successful attempts");
    await dialog.getByRole("textbox", { name: "Extra" }).fill("after");
    await dialog.getByRole("checkbox", { name: "One time use" }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Login token saved")).toBeVisible();
    await expect(rowOf(page, contact.name)).toContainText("after");
    await expect(page).not.toHaveURL(/token=/);

    // Someone else saves while the dialog is open: this save must not overwrite theirs.
    await rowOf(page, contact.name)
      .getByRole("button", { name: `Open token for ${contact.name}` })
      .click();
    await expect(dialog.getByRole("textbox", { name: "Extra" })).toHaveValue("after");
    await e2eQuery("UPDATE login_tokens SET extra = 'theirs', updated_at = now() WHERE id = $1", [token.id]);
    await dialog.getByRole("textbox", { name: "Extra" }).fill("mine");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Someone else saved this token while you were editing");
    expect(await e2eQuery("SELECT extra FROM login_tokens WHERE id = $1", [token.id])).toEqual([{ extra: "theirs" }]);
  });

  test("reveals a token and copies it and its link, each reveal audited", async ({ page, people, tokens }) => {
    const contact = await people.contact("Rhea");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    const value = dialog.getByRole("textbox", { name: "Token" });
    await expect(value).not.toHaveValue(token.value);
    await dialog.getByRole("button", { name: "Copy token" }).click();
    await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token.value);
    await dialog.getByRole("button", { name: "Show token" }).click();
    await expect(value).toHaveValue(token.value);
    await dialog.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/login/token\\?t=${token.value}$`));
    await dialog.getByRole("button", { name: "Hide token" }).click();
    await expect(value).not.toHaveValue(token.value);
    // One reveal for the whole dialog: copying and showing reuse it.
    expect(await e2eQuery("SELECT id FROM audit_events WHERE login_token_id = $1 AND action = 'token.revealed'", [token.id])).toHaveLength(1);
  });

  test("deletes several tokens after confirming, and cancelling deletes nothing", async ({ page, people, tokens }) => {
    const contact = await people.contact("Dora");
    const made = [
      await tokens.create({ contactId: contact.id, userName: contact.name, extra: "one" }),
      await tokens.create({ contactId: contact.id, userName: contact.name, extra: "two" }),
      await tokens.create({ contactId: contact.id, userName: contact.name, extra: "three" }),
    ];
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await expect(bodyRows(page)).toHaveCount(3);
    await rowOf(page, "one").getByRole("checkbox").check();
    await rowOf(page, "three").getByRole("checkbox").check();
    const bar = page.getByRole("toolbar", { name: "Selected rows" });
    await expect(bar).toContainText("2 tokens selected");

    await bar.getByRole("button", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete 2 login tokens?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(bodyRows(page)).toHaveCount(3);
    expect(await e2eQuery("SELECT id FROM login_tokens WHERE contact_id = $1 AND deleted_at IS NULL", [contact.id])).toHaveLength(3);

    await bar.getByRole("button", { name: "Delete" }).click();
    await confirm.getByRole("button", { name: "Delete 2 login tokens" }).click();
    await expect(page.getByText("2 login tokens deleted")).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("two");
    await expect(bar).toBeHidden();
    const deleted = await e2eQuery("SELECT id FROM login_tokens WHERE id = ANY($1::uuid[]) AND deleted_at IS NOT NULL", [[made[0]!.id, made[2]!.id]]);
    expect(deleted).toHaveLength(2);
  });

  test("selects every row on the page at once", async ({ page, people, tokens }) => {
    const contact = await people.contact("Sela");
    for (const extra of ["a", "b", "c"]) await tokens.create({ contactId: contact.id, userName: contact.name, extra });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.getByRole("toolbar", { name: "Selected rows" })).toContainText("3 tokens selected");
    await page.getByRole("button", { name: "Clear selection" }).click();
    await expect(page.getByRole("toolbar", { name: "Selected rows" })).toBeHidden();
  });

  test("opens a token from the keyboard, and Escape closes it and leaves the URL", async ({ page, people, tokens }) => {
    const contact = await people.contact("Kira");
    await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    const open = page.getByRole("button", { name: `Open token for ${contact.name}` });
    await open.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/token=/);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(/token=/);
    await expect(open).toBeFocused();
  });

  test("the page, the filters, and every dialog pass an accessibility scan", async ({ page, people, tokens }) => {
    // Five whole-page scans, on a machine other runs share.
    test.slow();
    const contact = await people.contact("Axel");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto("/users/login-tokens");
    await expect(bodyRows(page).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Filters" }).click();
    await expect(page.getByRole("form", { name: "Filters" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "New Login Token" }).click();
    await expect(page.getByRole("dialog", { name: "New Login Token" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();

    await page.goto(`/users/login-tokens?token=${token.id}`);
    await expect(page.getByRole("textbox", { name: "Extra" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Active sessions/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("alertdialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("Login Tokens, as the viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees tokens and their details, but no control to create, edit, delete, show or copy", async ({ page, people, tokens }) => {
    const contact = await people.contact("Vera");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, extra: "read me" });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await expect(rowOf(page, contact.name)).toBeVisible();
    await expect(page.getByRole("button", { name: "New Login Token" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);

    await rowOf(page, contact.name)
      .getByRole("button", { name: `Open token for ${contact.name}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Login token · ${contact.name}` });
    await expect(dialog).toContainText("read me");
    await expect(dialog).toContainText("Your access is read-only");
    await expect(dialog.getByRole("textbox")).toHaveCount(0);
    await expect(dialog.getByRole("checkbox")).toHaveCount(0);
    await expect(dialog.getByRole("button", { name: /Show token|Copy|Save/ })).toHaveCount(0);
    expect(await page.content()).not.toContain(token.value);
    await expect(page.getByText("/login/token")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
