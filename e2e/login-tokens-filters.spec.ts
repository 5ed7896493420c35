import type { Locator, Page } from "@playwright/test";
import { expect, test, type PeopleFixture, type TokensFixture } from "./fixtures/data";
import { seriousViolations, tokensTable } from "./fixtures/login-tokens-page";
import { storageStateFor } from "./fixtures/staff";

test.use({ storageState: storageStateFor("editor") });

const DAY = 86_400_000;
const bodyRows = (page: Page) =>
  tokensTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

/** The Extra column of each row on screen, in order (found by its header, wherever the columns are): each test labels its tokens there. */
async function extras(page: Page): Promise<string[]> {
  const column = (await tokensTable(page).getByRole("columnheader").allInnerTexts()).findIndex((text) => text.trim().startsWith("Extra"));
  // allInnerTexts never waits, so a row that a re-render took away reads as nothing and the poll asks again.
  const rows = await Promise.all((await bodyRows(page).all()).map((row) => row.getByRole("cell").allInnerTexts()));
  return rows.map((cells) => cells[column] ?? "");
}

async function openFilters(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: /^Filters/ }).click();
  return page.getByRole("form", { name: "Filters" });
}

async function apply(panel: Locator) {
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(panel).toBeHidden();
}

/** Tokens of one contact, each with a known answer to one filter, labelled in Extra. */
async function tokensWithAnswers({ people, tokens }: { people: PeopleFixture; tokens: TokensFixture }) {
  const contact = await people.contact("Fiona");
  const userName = contact.name;
  const old = new Date(Date.now() - 40 * DAY);
  // Today wherever the browser is: the filter's days are the browser's days.
  const soon = new Date(Date.now() + 60_000);
  const base = { contactId: contact.id, userName, expiresAt: new Date(Date.now() + 60 * DAY), createdAt: old, updatedAt: old };
  const answers = {
    plain: await tokens.create({ ...base, extra: "plain" }),
    busy: await tokens.create({ ...base, extra: "busy", successfulAttempts: 7 }),
    failing: await tokens.create({ ...base, extra: "failing", failedAttempts: 3 }),
    once: await tokens.create({ ...base, extra: "once", oneTimeUse: true }),
    today: await tokens.create({ ...base, extra: "today", expiresAt: soon, createdAt: new Date(), updatedAt: new Date() }),
  };
  return { contact, answers };
}

/** A filter, how the panel sets it, and the tokens that answer it. */
type FilterCase = [string, (panel: Locator) => Promise<void>, string[]];

test("each filter of the panel narrows the table to its known answer, and chips remove them", async ({ page, people, tokens }) => {
  const { contact, answers } = await tokensWithAnswers({ people, tokens });
  await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
  await expect(page.getByRole("group", { name: "Active filters" })).toContainText(`User: ${contact.name}`);
  await expect(bodyRows(page)).toHaveCount(5);

  /** Every date filter's panel offers the same range picker; the token made today answers Today. */
  const pickToday = async (panel: Locator, label: string) => {
    await panel.getByRole("button", { name: new RegExp(`^${label}`) }).click();
    await page.getByRole("button", { name: /^Today/ }).click();
    await page.keyboard.press("Escape");
  };
  const cases: FilterCase[] = [
    ["Ids", (panel) => panel.getByRole("textbox", { name: "Ids" }).fill(`${answers.busy.value}\n${answers.once.id}`), ["busy", "once"]],
    [
      "Successful Attempt",
      async (panel) => {
        await panel.getByRole("combobox", { name: "Successful Attempt condition" }).click();
        await page.getByRole("option", { name: "≥ at least" }).click();
        await panel.getByRole("spinbutton", { name: "Successful Attempt count" }).fill("5");
      },
      ["busy"],
    ],
    [
      "Failed Attempt",
      async (panel) => {
        await panel.getByRole("combobox", { name: "Failed Attempt condition" }).click();
        await page.getByRole("option", { name: "= equals" }).click();
        await panel.getByRole("spinbutton", { name: "Failed Attempt count" }).fill("3");
      },
      ["failing"],
    ],
    ["One time use", (panel) => panel.getByRole("group", { name: "One time use" }).getByRole("radio", { name: "Yes" }).check(), ["once"]],
    ...["Date Created", "Date Updated", "Expires At"].map((label): FilterCase => [label, (panel) => pickToday(panel, label), ["today"]]),
  ];

  for (const [name, set, expected] of cases) {
    await test.step(name, async () => {
      const panel = await openFilters(page);
      await set(panel);
      await apply(panel);
      await expect.poll(async () => (await extras(page)).sort()).toEqual(expected.sort());
      // Date filters carry the browser's time zone, so the link means the same days to whoever opens it.
      if (name.startsWith("Date") || name === "Expires At") await expect(page).toHaveURL(/tz=Europe%2FAmsterdam|tz=Europe\/Amsterdam/);
      const chips = page.getByRole("group", { name: "Active filters" });
      await chips.getByRole("button", { name: /^Remove filter (?!User:)/ }).click();
      await expect(bodyRows(page)).toHaveCount(5);
      await expect(page).not.toHaveURL(/tz=/);
    });
  }
});

test("the status filter and the contact-or-customer picker narrow the table", async ({ page, tag, people, tokens }) => {
  const customer = await people.customer("Gus");
  await tokens.create({ customerId: customer.id, userName: customer.name, extra: "customer's" });
  await tokens.create({ customerId: customer.id, userName: customer.name, extra: "expired", expiresAt: new Date(Date.now() - DAY) });
  await page.goto("/users/login-tokens");

  let panel = await openFilters(page);
  await panel.getByRole("combobox", { name: "Contact or Customer" }).click();
  await page.getByRole("combobox", { name: "Search contacts and customers" }).fill(`Gus ${tag}`);
  await page.getByRole("option", { name: new RegExp(`Gus ${tag}`) }).click();
  await apply(panel);
  await expect(page).toHaveURL(new RegExp(`user=customer%3A${customer.id}|user=customer:${customer.id}`));
  await expect.poll(async () => (await extras(page)).sort()).toEqual(["customer's", "expired"]);

  panel = await openFilters(page);
  await panel.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Expired" }).click();
  await apply(panel);
  await expect.poll(() => extras(page)).toEqual(["expired"]);
  await expect(bodyRows(page).first()).toContainText("Expired");

  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByRole("group", { name: "Active filters" })).toHaveCount(0);
  await expect(page).not.toHaveURL(/user=/);
});

test("an empty result names the filters to clear", async ({ page, people, tokens }) => {
  const { contact } = await tokensWithAnswers({ people, tokens });
  await page.goto(`/users/login-tokens?user=contact:${contact.id}&failed=gt:99`);
  await expect(page.getByRole("heading", { name: "No tokens match these filters" })).toBeVisible();
  await expect(tokensTable(page)).toContainText("Failed attempts > 99");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Clear all filters" }).click();
  await expect(page.getByRole("heading", { name: "No tokens match these filters" })).toBeHidden();
});

test("filters, sort and page size survive a reload and Back undoes them", async ({ page, people, tokens }) => {
  const { contact } = await tokensWithAnswers({ people, tokens });
  await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
  await expect(bodyRows(page)).toHaveCount(5);

  const panel = await openFilters(page);
  await panel.getByRole("group", { name: "One time use" }).getByRole("radio", { name: "No" }).check();
  await apply(panel);
  await expect(bodyRows(page)).toHaveCount(4);
  await page.getByRole("button", { name: "Successful Attempts: sort ascending" }).click();
  await expect(page).toHaveURL(/sort=successfulAttempts\.asc/);
  await page.getByRole("combobox", { name: "Rows per page" }).click();
  await page.getByRole("option", { name: "50" }).click();
  await expect(page).toHaveURL(/perPage=50/);
  await expect.poll(async () => (await extras(page)).at(-1)).toBe("busy");
  const shown = await extras(page);

  await page.reload();
  await expect.poll(() => extras(page)).toEqual(shown);
  await expect(page.getByRole("group", { name: "Active filters" })).toContainText("One time use: no");
  await expect(page.getByRole("combobox", { name: "Rows per page" })).toHaveText("50");

  await page.goBack();
  await expect(page).not.toHaveURL(/perPage=50/);
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/oneTimeUse/);
  await expect(bodyRows(page)).toHaveCount(5);
});

test("sorts by a column header, ascending then descending", async ({ page, people, tokens }) => {
  const contact = await people.contact("Sorin");
  for (const [extra, successfulAttempts] of [
    ["five", 5],
    ["one", 1],
    ["nine", 9],
  ] as const) {
    await tokens.create({ contactId: contact.id, userName: contact.name, extra, successfulAttempts });
  }
  await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
  await page.getByRole("button", { name: "Successful Attempts: sort ascending" }).click();
  await expect(page.getByRole("columnheader", { name: /Successful Attempts/ })).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(() => extras(page)).toEqual(["one", "five", "nine"]);
  await page.getByRole("button", { name: "Successful Attempts: sort descending" }).click();
  await expect(page.getByRole("columnheader", { name: /Successful Attempts/ })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => extras(page)).toEqual(["nine", "five", "one"]);
});

test("pages through the results on the server, 25 at a time by default, forwards and back by cursor", async ({ page, people, tokens }) => {
  const contact = await people.contact("Paige");
  const start = Date.now() - 60 * 60_000;
  for (let i = 0; i < 30; i++) {
    await tokens.create({ contactId: contact.id, userName: contact.name, extra: `n${String(i).padStart(2, "0")}`, createdAt: new Date(start + i * 60_000) });
  }
  const newestFirst = Array.from({ length: 30 }, (_, i) => `n${String(29 - i).padStart(2, "0")}`);
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
  await expect(bodyRows(page)).toHaveCount(25);
  await expect(pagination).toContainText("1–25 of 30 tokens");
  // Newest first: the last made is on top.
  expect(await extras(page)).toEqual(newestFirst.slice(0, 25));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2&cursor=|cursor=.*&page=2/);
  await expect(bodyRows(page)).toHaveCount(5);
  expect(await extras(page)).toEqual(["n04", "n03", "n02", "n01", "n00"]);
  await expect(pagination).toContainText("Page 2 of 2");
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(pagination).toContainText("Page 1 of 2");
  await expect.poll(() => extras(page)).toEqual(newestFirst.slice(0, 25));
  await page.getByRole("button", { name: "Last page" }).click();
  await expect(pagination).toContainText("26–30 of 30 tokens");
  await expect.poll(() => extras(page)).toEqual(newestFirst.slice(25));
  await page.getByRole("button", { name: "First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect.poll(() => extras(page)).toEqual(newestFirst.slice(0, 25));
});

test("pages by cursor through ties and empty values, and a tampered cursor shows the page by its number", async ({ page, people, tokens }) => {
  const contact = await people.contact("Tia");
  // Accessed at one of two moments or never: every page boundary falls among ties.
  const moments = [new Date(Date.now() - 3_600_000), new Date(Date.now() - 7_200_000), null];
  for (let i = 0; i < 60; i++) {
    await tokens.create({ contactId: contact.id, userName: contact.name, extra: `t${String(i).padStart(2, "0")}`, lastAccessedAt: moments[i % 3] ?? null });
  }
  const view = `/users/login-tokens?user=contact:${contact.id}&sort=lastAccessedAt.desc`;
  const byNumber: string[][] = [];
  for (const number of [1, 2, 3]) {
    await page.goto(`${view}&page=${number}`);
    await expect(bodyRows(page)).toHaveCount(number < 3 ? 25 : 10);
    byNumber.push(await extras(page));
  }
  expect(new Set(byNumber.flat()).size).toBe(60);

  await page.goto(view);
  await expect.poll(() => extras(page)).toEqual(byNumber[0]);
  for (const number of [2, 3]) {
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Page ${number} of 3`);
    await expect.poll(() => extras(page)).toEqual(byNumber[number - 1]);
  }
  for (const number of [2, 1]) {
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`Page ${number} of 3`);
    await expect.poll(() => extras(page)).toEqual(byNumber[number - 1]);
  }

  const response = await page.goto(`${view}&page=2&cursor=eyJkIjoiYWZ0ZXIifQ`);
  expect(response?.status()).toBe(200);
  await expect.poll(() => extras(page)).toEqual(byNumber[1]);
});

test("bad values in the URL fall back to defaults instead of failing", async ({ page, people, tokens }) => {
  const { contact } = await tokensWithAnswers({ people, tokens });
  const response = await page.goto(
    `/users/login-tokens?user=contact:${contact.id}&page=-3&perPage=7&sort=secret.asc&createdFrom=yesterday&failed=about:3&token=nope`,
  );
  expect(response?.status()).toBe(200);
  await expect(bodyRows(page)).toHaveCount(5);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of 1");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test.describe("on a phone", () => {
  const width = 390;
  test.use({ viewport: { width, height: 844 } });

  test("the empty result and its Clear all filters stay in view while the table beside them scrolls sideways", async ({ page, people, tokens }) => {
    const { contact } = await tokensWithAnswers({ people, tokens });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}&failed=gt:99`);
    const region = page.getByRole("region", { name: "Login tokens" });
    expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeGreaterThan(0);
    const across = async (locator: Locator) => {
      const box = (await locator.boundingBox())!;
      return box.x >= 0 && box.x + box.width <= width;
    };
    const heading = page.getByRole("heading", { name: "No tokens match these filters" });
    const clear = page.getByRole("button", { name: "Clear all filters" });
    await expect.poll(() => across(heading)).toBe(true);
    await expect.poll(() => across(clear)).toBe(true);
    await region.evaluate((element) => element.scrollBy({ left: 400 }));
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await expect.poll(() => across(heading)).toBe(true);
    await expect.poll(() => across(clear)).toBe(true);
  });
});
