import { mergeTests, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e-env.mjs";
import { test as dataTest, expect, type PeopleFixture } from "./fixtures/data";
import { test as procurementTest } from "./fixtures/procurement-system";
import { storageStateFor } from "./fixtures/staff";

/** A customer company with one contact, made for this test (and removed after it, with the buyers made for it). */
async function buyerCompany(people: PeopleFixture) {
  const contact = await people.contact("Petra");
  return { company: { id: contact.companyId, name: contact.companyName }, contact };
}

/** A cXML buyer for a company of the test's own, added through Settings, with the identity and secret its procurement system presents. */
async function addCxmlBuyer(page: Page, people: PeopleFixture, input: { name: string; identity: string; origin: string }) {
  const { company, contact } = await buyerCompany(people);
  const secret = await addBuyer(page, {
    name: input.name,
    protocol: "cXML",
    company: company.name,
    contact: contact.name,
    credentials: { "Sender identity": input.identity },
    origin: input.origin,
  });
  return { company, contact, secret };
}

/** Settings > Punch-out buyers > Add buyer, as an editor; answers the secret the dialog shows once. */
async function addBuyer(
  page: Page,
  input: { name: string; protocol: "SAP OCI" | "cXML"; company: string; contact: string; credentials: Record<string, string>; origin: string },
) {
  await page.goto("/settings/punchout-buyers");
  await page.getByRole("button", { name: "Add buyer" }).first().click();
  // The dialog keeps its place but changes its title once the buyer is added.
  const dialog = page.getByRole("dialog");
  await expect(dialog).toHaveAccessibleName("Add punch-out buyer");
  await dialog.getByLabel("Name", { exact: true }).fill(input.name);
  await dialog.getByRole("radio", { name: input.protocol }).check();
  await dialog.getByRole("combobox", { name: "Company" }).click();
  await page.getByRole("option", { name: input.company }).click();
  await dialog.getByRole("combobox", { name: "Signs in as" }).click();
  await page.getByRole("option", { name: input.contact }).click();
  for (const [label, value] of Object.entries(input.credentials)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByLabel("Allowed return origins").fill(input.origin);
  await dialog.getByRole("button", { name: "Add buyer" }).click();
  const secret = await dialog.locator("#new-punchout-secret").inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "Punch-out buyers" }).getByRole("row", { name: new RegExp(input.name) })).toBeVisible();
  return secret;
}

/** The StartPage is an ordinary login link: go on through its continue page into the shop. */
async function continueIntoShop(page: Page) {
  const shop = page.getByRole("heading", { level: 1, name: /^Welcome, / });
  const button = page.getByRole("button", { name: /Continue/ });
  await expect(shop.or(button)).toBeVisible();
  if (await button.isVisible()) await button.click();
  await expect(shop).toBeVisible();
}

async function fillCart(page: Page) {
  await page.getByRole("button", { name: "Add Nitrile gloves, box of 100 to cart" }).click();
  await expect(page.getByRole("listitem", { name: "Cart line Nitrile gloves, box of 100" })).toBeVisible();
  await page.getByRole("button", { name: "Add A4 copy paper, 5 reams to cart" }).click();
  const paper = page.getByRole("listitem", { name: "Cart line A4 copy paper, 5 reams" });
  await paper.getByLabel("Quantity of A4 copy paper, 5 reams").fill("3");
  await paper.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Total €87.20")).toBeVisible();
}

const receivedRows = (page: Page) => page.getByRole("table", { name: "Received cart" }).locator("tbody tr");

const test = mergeTests(dataTest, procurementTest);

test.describe("punch-out from a procurement system", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("cXML: setup request, StartPage, two products, Transfer cart; the procurement system receives the PunchOutOrderMessage", async ({
    page,
    procurement,
    tag,
    people,
  }) => {
    const identity = `AN-${tag}`;
    const { company, contact, secret } = await addCxmlBuyer(page, people, { name: `Ariba ${tag}`, identity, origin: procurement.origin });

    await page.context().clearCookies();
    const buyerCookie = `requisition-${tag}`;
    await page.goto(procurement.cxmlStartUrl({ identity, secret, buyerCookie }));
    await continueIntoShop(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${contact.name}`);
    await expect(page.getByText(`You are shopping for ${company.name} through Ariba ${tag}`)).toBeVisible();
    await fillCart(page);

    await page.getByRole("button", { name: "Transfer cart" }).click();
    await expect(page.getByRole("heading", { name: "Cart received (cXML)" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(procurement.origin);
    await expect(page.getByLabel("BuyerCookie")).toHaveText(buyerCookie);
    await expect(receivedRows(page)).toHaveCount(2);
    await expect(receivedRows(page).nth(0)).toHaveText(["GLV-NIT-100", "Nitrile gloves, box of 100", "1", "BX", "12.50", "EUR", "UNSPSC 46181504"].join(""));
    await expect(receivedRows(page).nth(1)).toHaveText(["PAP-A4-5R", "A4 copy paper, 5 reams", "3", "PK", "24.90", "EUR", "UNSPSC 14111507"].join(""));

    // Transferring ended the punch-out's webshop session.
    await page.goto("/shop");
    await expect(page.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible();
  });

  test("OCI: the login form with the buyer's own field names, two products, Transfer cart; HOOK_URL receives the NEW_ITEM fields", async ({
    page,
    procurement,
    tag,
    people,
  }) => {
    const { company, contact } = await buyerCompany(people);
    const username = `SRM-${tag}`;
    const password = await addBuyer(page, {
      name: `SAP SRM ${tag}`,
      protocol: "SAP OCI",
      company: company.name,
      contact: contact.name,
      credentials: { Username: username, "Username field": "LOGIN_ID", "Password field": "LOGIN_PW" },
      origin: procurement.origin,
    });

    await page.context().clearCookies();
    await page.goto(procurement.ociStartUrl({ username, password, usernameField: "LOGIN_ID", passwordField: "LOGIN_PW" }));
    await page.getByRole("button", { name: "Open supplier catalogue" }).click();
    await continueIntoShop(page);
    await expect(page.getByText(`You are shopping for ${company.name} through SAP SRM ${tag}`)).toBeVisible();
    await fillCart(page);

    await page.getByRole("button", { name: "Transfer cart" }).click();
    await expect(page.getByRole("heading", { name: "Cart received (OCI)" })).toBeVisible();
    await expect(page.getByLabel("OkCode")).toHaveText("ADDI");
    await expect(receivedRows(page)).toHaveCount(2);
    await expect(receivedRows(page).nth(0)).toHaveText(["GLV-NIT-100", "Nitrile gloves, box of 100", "1", "BX", "12.50", "EUR", "UNSPSC 46181504"].join(""));
    await expect(receivedRows(page).nth(1)).toHaveText(["PAP-A4-5R", "A4 copy paper, 5 reams", "3", "PK", "24.90", "EUR", "UNSPSC 14111507"].join(""));
  });

  test("OCI: a GET login with a wrong password lands on the one refusal page", async ({ page, procurement, tag, people }) => {
    const { company, contact } = await buyerCompany(people);
    const username = `SRM-${tag}`;
    await addBuyer(page, {
      name: `SAP SRM ${tag}`,
      protocol: "SAP OCI",
      company: company.name,
      contact: contact.name,
      credentials: { Username: username },
      origin: procurement.origin,
    });
    await page.context().clearCookies();
    await page.goto(procurement.ociStartUrl({ username, password: "wrong", usernameField: "USERNAME", passwordField: "PASSWORD", method: "GET" }));
    await page.getByRole("button", { name: "Open supplier catalogue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The webshop could not be opened" })).toBeVisible();
  });

  test("a disabled buyer's setup request is refused with the procurement system told why; enabled again it punches out; deleted it leaves the list", async ({
    page,
    browser,
    procurement,
    tag,
    people,
  }) => {
    const identity = `AN-${tag}`;
    const name = `Coupa ${tag}`;
    const { company, secret } = await addCxmlBuyer(page, people, { name, identity, origin: procurement.origin });
    const row = page.getByRole("table", { name: "Punch-out buyers" }).getByRole("row", { name: new RegExp(name) });
    // The procurement system's user, in a browser of their own beside the editor's.
    const buyerContext = await browser.newContext({ baseURL: E2E_BASE_URL, storageState: undefined });
    const buyerPage = await buyerContext.newPage();

    await row.getByRole("button", { name: `Disable ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    await buyerPage.goto(procurement.cxmlStartUrl({ identity, secret, buyerCookie: `requisition-${tag}` }));
    await expect(buyerPage.getByRole("heading", { name: "Punch-out setup failed" })).toBeVisible();
    await expect(buyerPage.getByLabel("cXML status")).toHaveText(/^403 Punch-out for this buyer is disabled/);

    await row.getByRole("button", { name: `Enable ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Enable" }).click();
    await expect(row.getByRole("button", { name: `Disable ${name}` })).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);
    await buyerPage.goto(procurement.cxmlStartUrl({ identity, secret, buyerCookie: `requisition-${tag}` }));
    await continueIntoShop(buyerPage);
    await expect(buyerPage.getByText(`You are shopping for ${company.name} through ${name}`)).toBeVisible();

    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete buyer" }).click();
    await expect(row).toHaveCount(0);
    // Deleting ended the punch-out in progress: the row leaves the list as the action's answer arrives, so the shop is asked until the commit shows.
    await expect(async () => {
      await buyerPage.goto("/shop");
      await expect(buyerPage.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await buyerContext.close();
  });
});

test.describe("Add buyer, as the editor", () => {
  test.use({ storageState: storageStateFor("editor"), viewport: { width: 1440, height: 900 } });

  test("each select holds its choice inside itself and the dialog; a long one ends in …", async ({ page, people }) => {
    const { company } = await buyerCompany(people);
    await page.goto("/settings/punchout-buyers");
    await page.getByRole("button", { name: "Add buyer" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add punch-out buyer" });
    await dialog.getByRole("combobox", { name: "Company" }).click();
    await page.getByRole("option", { name: company.name }).click();
    for (const name of ["Company", "Signs in as"]) {
      const select = dialog.getByRole("combobox", { name });
      await expect(select).not.toBeEmpty();
      // The trigger keeps to its field's column, so the two selects stand apart and inside the dialog.
      expect(
        await select.evaluate((element) => element.getBoundingClientRect().right - element.parentElement!.getBoundingClientRect().right),
      ).toBeLessThanOrEqual(0);
      await expect(select.locator("[data-slot=select-value]")).toHaveCSS("text-overflow", "ellipsis");
    }
    await expect(dialog.getByRole("combobox", { name: "Signs in as" })).toHaveText("No contact (anonymous session)");
  });
});
