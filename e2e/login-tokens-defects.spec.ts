// What a new user ran into on Users > Login Tokens and the storefront, each
// checked the way that user met it.
import { E2E_BASE_URL } from "./e2e-env.mjs";
import { openLoginLink } from "./fixtures/continue-page";
import { e2eQuery } from "./fixtures/db";
import { bodyRows, rowOf, seriousViolations } from "./fixtures/login-tokens-page";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

const DAY = 86_400_000;

test.describe("Login Tokens, as the editor", () => {
  test.use({ storageState: storageStateFor("editor"), permissions: ["clipboard-read", "clipboard-write"] });

  test("a used one-time token stays in the list, with no filter, for its contact and under Any status, marked Used with its counters", async ({
    page,
    browser,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Ulla");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, oneTimeUse: true, expiresAt: new Date(Date.now() + DAY) });
    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const shopper = await visitor.newPage();
    await openLoginLink(shopper, `${E2E_BASE_URL}/login/token?t=${token.value}`);
    await expect(shopper.getByRole("heading", { level: 1, name: `Welcome, ${contact.name}` })).toBeVisible();
    await visitor.close();

    for (const query of ["", `?user=contact:${contact.id}`]) {
      await page.goto(`/users/login-tokens${query}`);
      const row = rowOf(page, contact.name);
      await expect(row, query).toHaveCount(1);
      await expect(row, query).toContainText("Used");
      await expect(row.getByRole("cell").nth(6), query).toHaveText("1");
      await expect(row.getByRole("cell").nth(5), query).not.toHaveText("Never");
    }
    // "Any status" is the status filter left alone: every status but deleted.
    await page.getByRole("button", { name: "Filters" }).click();
    await expect(page.getByRole("form", { name: "Filters" }).getByRole("combobox", { name: "Status" })).toHaveText("Any status");
    await rowOf(page, contact.name)
      .getByRole("button", { name: `Open token for ${contact.name}` })
      .click();
    await expect(page.getByRole("dialog", { name: `Login token · ${contact.name}` })).toContainText("used up");
  });

  test("whom a token is for cannot be changed; Duplicate for another person makes a new token and leaves the old link as it was", async ({
    page,
    tag,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Dana");
    const token = await tokens.create({ extra: `Punch-out ${tag}`, expiresAt: new Date(Date.now() + 3 * DAY), oneTimeUse: false });
    await page.goto(`/users/login-tokens?token=${token.id}`);
    const dialog = page.getByRole("dialog", { name: "Edit login token · Anonymous" });
    await expect(dialog.getByRole("region", { name: "For" })).toContainText("Anonymous");
    await expect(dialog.getByRole("combobox", { name: "Select contact or customer" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Duplicate for another person" }).click();

    const create = page.getByRole("dialog", { name: "New Login Token" });
    await expect(create.getByRole("textbox", { name: "Extra" })).toHaveValue(`Punch-out ${tag}`);
    await expect(create.getByRole("checkbox", { name: "One time use" })).not.toBeChecked();
    await create.getByRole("combobox", { name: "Select contact or customer" }).click();
    await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(contact.email);
    await page.getByRole("option", { name: new RegExp(contact.name) }).click();
    await create.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog", { name: "Login token created" })).toContainText(`signed in as ${contact.name}`);

    const rows = await e2eQuery<{ id: string; contact_id: number | null }>("SELECT id, contact_id FROM login_tokens WHERE extra = $1 ORDER BY created_at", [
      `Punch-out ${tag}`,
    ]);
    expect(rows).toEqual([
      { id: token.id, contact_id: null },
      { id: expect.any(String), contact_id: contact.id },
    ]);
  });

  test("a token value pasted into the Ids filter never reaches the address bar: the URL holds its public id, the chip says by value", async ({
    page,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Ivo");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "Filters" }).click();
    await page.getByRole("textbox", { name: "Ids" }).fill(token.value);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`ids=${token.id}`));
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText("Ids: 1 token (by value)");
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(rowOf(page, contact.name)).toHaveCount(1);
    expect(page.url()).not.toContain(token.value);
    expect(await page.content()).not.toContain(token.value);

    // A value that is no token's is said at the field and changes nothing.
    await page.getByRole("button", { name: "Filters" }).click();
    await page.getByRole("textbox", { name: "Ids" }).fill("A".repeat(43));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByRole("form", { name: "Filters" })).toContainText("One pasted value is no token's");
    await expect(page).toHaveURL(new RegExp(`ids=${token.id}`));

    // A value typed into the address leaves it at once.
    await page.goto(`/users/login-tokens?ids=${token.value}`);
    await expect(page).toHaveURL(new RegExp(`ids=${token.id}`));
    expect(page.url()).not.toContain(token.value);
    await expect(rowOf(page, contact.name)).toHaveCount(1);
  });

  test("a new token starts one-time and expiring in 7 days; Never stays a choice", async ({ page, tag }) => {
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const dialog = page.getByRole("dialog", { name: "New Login Token" });
    await expect(dialog.getByRole("checkbox", { name: "One time use" })).toBeChecked();
    await expect(dialog.getByRole("button", { name: "Expires at" })).not.toHaveText(/Never/);
    await dialog.getByRole("textbox", { name: "Extra" }).fill(`Defaults ${tag}`);
    await dialog.getByRole("button", { name: "Save" }).click();
    const done = page.getByRole("dialog", { name: "Login token created" });
    await expect(done.getByRole("definition").filter({ hasText: "Once" })).toBeVisible();
    await done.getByRole("button", { name: "Done" }).click();
    const [saved] = await e2eQuery<{ one_time_use: boolean; expires_at: Date }>("SELECT one_time_use, expires_at FROM login_tokens WHERE extra = $1", [
      `Defaults ${tag}`,
    ]);
    expect(saved!.one_time_use).toBe(true);
    expect(Math.abs(saved!.expires_at.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(10 * 60_000);

    await page.getByRole("button", { name: "New Login Token" }).click();
    await dialog.getByRole("button", { name: "Expires at" }).click();
    await page.getByRole("button", { name: "Never", exact: true }).click();
    await expect(dialog.getByRole("button", { name: "Expires at" })).toHaveText(/Never/);
  });

  test("Extra longer than 4,000 characters is kept as pasted and refused at its field", async ({ page, tag }) => {
    const long = `${tag} ${"x".repeat(4_100)}`;
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const dialog = page.getByRole("dialog", { name: "New Login Token" });
    await dialog.getByRole("textbox", { name: "Extra" }).fill(long);
    await expect(dialog.getByRole("textbox", { name: "Extra" })).toHaveValue(long);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText("Extra can be at most 4,000 characters.")).toBeVisible();
    await expect(dialog.getByRole("textbox", { name: "Extra" })).toHaveValue(long);
    expect(await e2eQuery("SELECT id FROM login_tokens WHERE extra LIKE $1", [`${tag}%`])).toHaveLength(0);
  });

  test("a page number past the end shows the last page", async ({ page, people, tokens }) => {
    const contact = await people.contact("Pia");
    await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}&page=50`);
    await expect(rowOf(page, contact.name)).toHaveCount(1);
    await expect(page.getByText("Page 1 of 1")).toBeVisible();
    await expect(page.getByText("Page 50")).toHaveCount(0);
  });

  test("in the person picker, Enter after typing picks the first result, and the button and the chip tell people of one name apart", async ({
    page,
    tag,
    people,
    tokens,
  }) => {
    const contact = await people.contact("Lukas");
    await tokens.create({ contactId: contact.id, userName: contact.name });
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "Filters" }).click();
    const filters = page.getByRole("form", { name: "Filters" });
    await filters.getByRole("combobox", { name: "Contact or Customer" }).click();
    await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(contact.email);
    await expect(page.getByRole("option", { name: new RegExp(contact.name) })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    const picker = filters.getByRole("combobox", { name: "Contact or Customer" });
    await expect(picker).toContainText(contact.name);
    await expect(picker).toContainText(contact.email);
    await expect(picker).toContainText(`Company ${tag}`);
    await page.getByRole("button", { name: "Apply filters" }).click();
    const chips = page.getByRole("group", { name: "Active filters" });
    await expect(chips).toContainText(`User: ${contact.name} (Contact · ${contact.email} · Company ${tag} 0)`);
  });

  test("after Save the dialog says whom the link is for, until when, how often and where it lands, and copies a message to send", async ({ page, people }) => {
    const contact = await people.contact("Mira");
    await page.goto("/users/login-tokens");
    await page.getByRole("button", { name: "New Login Token" }).click();
    const dialog = page.getByRole("dialog", { name: "New Login Token" });
    await dialog.getByRole("combobox", { name: "Select contact or customer" }).click();
    await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(contact.email);
    await page.getByRole("option", { name: new RegExp(contact.name) }).click();
    await dialog.getByRole("textbox", { name: /Redirect path/ }).fill("/shop");
    await dialog.getByRole("button", { name: "Save" }).click();
    const done = page.getByRole("dialog", { name: "Login token created" });
    const summary = done.getByRole("definition");
    await expect(summary.nth(0)).toContainText(`${contact.name} · Contact · ${contact.email}`);
    await expect(summary.nth(1)).not.toHaveText("Never");
    await expect(summary.nth(2)).toHaveText("Once, then it is used up");
    await expect(summary.nth(3)).toHaveText("/shop");
    expect(await seriousViolations(page)).toEqual([]);
    const link = await done.getByRole("textbox", { name: "Login link" }).inputValue();
    await done.getByRole("button", { name: "Copy message" }).click();
    const message = await page.evaluate(() => navigator.clipboard.readText());
    expect(message).toContain(link);
    expect(message).toContain(`Hello ${contact.name}`);
    expect(message).toMatch(/works once until/);
  });

  test("date filters offer presets such as Expiring in 7 days", async ({ page, people, tokens }) => {
    const contact = await people.contact("Prea");
    await tokens.create({ contactId: contact.id, userName: contact.name, extra: "soon", expiresAt: new Date(Date.now() + 3 * DAY) });
    await tokens.create({ contactId: contact.id, userName: contact.name, extra: "later", expiresAt: new Date(Date.now() + 20 * DAY) });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await expect(bodyRows(page)).toHaveCount(2);
    await page.getByRole("button", { name: "Filters" }).click();
    const panel = page.getByRole("form", { name: "Filters" });
    await panel.getByRole("button", { name: /^Expires At/ }).click();
    await page.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Expiring in 7 days" }).click();
    await panel.getByRole("button", { name: "Apply filters" }).click();
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("soon");
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText("Expires:");
  });

  test("an edit conflict offers to load their version or overwrite it with mine", async ({ page, people, tokens }) => {
    const contact = await people.contact("Cleo");
    const token = await tokens.create({ contactId: contact.id, userName: contact.name, extra: "before", expiresAt: new Date(Date.now() + DAY) });
    const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
    const extra = dialog.getByRole("textbox", { name: "Extra" });
    const alert = dialog.getByRole("alert");

    await page.goto(`/users/login-tokens?token=${token.id}`);
    await expect(extra).toHaveValue("before");
    await e2eQuery("UPDATE login_tokens SET extra = 'theirs', updated_at = now() WHERE id = $1", [token.id]);
    await extra.fill("mine");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(alert).toContainText("Someone else saved this token while you were editing");
    await expect(alert).toContainText("Your changes are still in the form");
    await expect(extra).toHaveValue("mine");
    await alert.getByRole("button", { name: "Load their version" }).click();
    await expect(extra).toHaveValue("theirs");
    await expect(alert).toBeHidden();

    await e2eQuery("UPDATE login_tokens SET extra = 'theirs again', updated_at = now() WHERE id = $1", [token.id]);
    await extra.fill("mine after all");
    await dialog.getByRole("button", { name: "Save" }).click();
    await alert.getByRole("button", { name: "Overwrite with mine" }).click();
    await expect(dialog).toBeHidden();
    expect(await e2eQuery("SELECT extra FROM login_tokens WHERE id = $1", [token.id])).toEqual([{ extra: "mine after all" }]);
  });
});

test.describe("the storefront", () => {
  test("suggests a redirect path that exists, and its not-found page leads back to the shop", async ({ browser }) => {
    const editor = await browser.newContext({ storageState: storageStateFor("editor") });
    const page = await editor.newPage();
    await page.goto(`${E2E_BASE_URL}/users/login-tokens`);
    await page.getByRole("button", { name: "New Login Token" }).click();
    const suggested = await page.getByRole("textbox", { name: /Redirect path/ }).getAttribute("placeholder");
    await editor.close();

    const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const shopper = await visitor.newPage();
    expect((await shopper.goto(`${E2E_BASE_URL}${suggested}`))?.status()).toBe(200);
    expect((await shopper.goto(`${E2E_BASE_URL}/shop/orders`))?.status()).toBe(404);
    await expect(shopper.getByRole("heading", { level: 1, name: "This page is not in the shop" })).toBeVisible();
    expect(await seriousViolations(shopper)).toEqual([]);
    await shopper.getByRole("link", { name: "Back to the shop" }).click();
    await expect(shopper).toHaveURL(/\/shop$/);
    await visitor.close();
  });
});

test.describe("a login link's continue page, without script", () => {
  test.use({ javaScriptEnabled: false });

  test("does not call an anonymous link personal", async ({ page, tokens }) => {
    const token = await tokens.create();
    await page.goto(`/login/token?t=${token.value}`);
    await expect(page.getByRole("heading", { level: 1, name: "Continue to the webshop" })).toBeVisible();
    await expect(page.getByText(/personal/i)).toHaveCount(0);
  });
});
