import type { Page } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

const rows = (page: Page, table: string) => page.getByRole("table", { name: table }).locator("tbody tr");

async function searchFor(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search" }).fill(text);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page.getByText(`Search: ${text}`)).toBeVisible();
}

/** The login link's page continues by itself today; where it asks for a click, the test clicks. */
async function landInShop(tab: Page) {
  await tab.waitForURL(/\/(shop|login\/token)/);
  if (!/\/shop$/.test(tab.url())) {
    const button = tab.getByRole("button", { name: "Continue to the webshop" });
    await Promise.race([tab.waitForURL(/\/shop$/), button.click().catch(() => undefined)]);
  }
  await expect(tab).toHaveURL(/\/shop$/);
}

test.describe("Users > Customers, as a sales rep", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("searches a customer by email, logs in as them with a reason and lands in the shop as them in a new tab", async ({ page, tag, people }) => {
    const customer = await people.customer("Petra");
    await page.goto("/users/customers");
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await searchFor(page, customer.email.slice(0, 12 + tag.length));
    await expect(rows(page, "Customers")).toHaveCount(1);
    await expect(rows(page, "Customers").first()).toContainText(customer.email);

    await page.getByRole("button", { name: `Log in as ${customer.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Log in as ${customer.name}` });
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Customer on the phone: cannot find the reorder button");
    const [tab] = await Promise.all([page.waitForEvent("popup"), dialog.getByRole("button", { name: "Open the shop" }).click()]);
    await landInShop(tab);
    await expect(tab.getByText(customer.name).first()).toBeVisible();
    await expect(tab.getByText(/You are viewing the shop as/)).toBeVisible();

    const [event] = await e2eQuery<{ details: { reason: string; oneTimeUse: boolean } }>(
      "SELECT details FROM audit_events WHERE action = 'token.created' AND details->'user'->>'id' = $1 ORDER BY id DESC LIMIT 1",
      [String(customer.id)],
    );
    expect(event?.details).toMatchObject({ reason: "Customer on the phone: cannot find the reorder button", oneTimeUse: true });
  });

  test("cannot log in as a customer who does not allow assistance, and is told why", async ({ page, people }) => {
    const customer = await people.customer("Dora");
    await e2eQuery("UPDATE customers SET assistance_allowed = false WHERE id = $1", [customer.id]);
    await page.goto(`/users/customers?q=${encodeURIComponent(customer.email)}`);
    await expect(rows(page, "Customers").first()).toContainText("No assistance");
    await page.getByRole("button", { name: `Log in as ${customer.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Log in as ${customer.name}` });
    await expect(dialog.getByRole("note")).toContainText("This customer does not allow staff to sign in as them. Only an administrator can override this.");
    await expect(dialog.getByRole("button", { name: "Open the shop" })).toHaveCount(0);
  });

  test("finds a contact by company, and goes to the person's tokens", async ({ page, tag, people, tokens }) => {
    const contact = await people.contact("Mila");
    await tokens.create({ contactId: contact.id });
    await page.goto(`/users/contacts?q=${encodeURIComponent(`Company ${tag}`)}`);
    await expect(rows(page, "Contacts")).toHaveCount(1);
    await rows(page, "Contacts")
      .first()
      .getByRole("button", { name: `Company ${tag} 0` })
      .click();
    await expect(page.getByText(`Company: Company ${tag} 0`)).toBeVisible();
    await page.getByRole("button", { name: `More for ${contact.name}` }).click();
    await page.getByRole("menuitem", { name: "Tokens" }).click();
    await expect(page).toHaveURL(new RegExp(`/users/login-tokens\\?user=contact:${contact.id}`));
    await expect(page.getByRole("table", { name: "Login tokens" }).locator("tbody tr")).toHaveCount(1);
  });
});

test.describe("Users > Contacts and Customers, as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees both pages, without Log in as", async ({ page, people }) => {
    const contact = await people.contact("Vera");
    await page.goto(`/users/contacts?q=${encodeURIComponent(contact.email)}`);
    await expect(rows(page, "Contacts")).toHaveCount(1);
    await expect(page.getByRole("button", { name: /Log in as/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Import/ })).toHaveCount(0);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Log in as/ })).toHaveCount(0);
  });
});
