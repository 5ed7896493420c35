import type { Locator, Page } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { bodyRows, seriousViolations } from "./fixtures/login-tokens-page";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

test.use({ storageState: storageStateFor("editor") });

const chips = (page: Page) => page.getByRole("group", { name: "Active filters" });

async function applyFilters(page: Page, choose: (panel: Locator) => Promise<void>) {
  await page.getByRole("button", { name: /^Filters/ }).click();
  const panel = page.getByRole("form", { name: "Filters" });
  await choose(panel);
  await panel.getByRole("button", { name: "Apply filters" }).click();
  await expect(panel).toBeHidden();
}

/** A procurement system's buyer and a punch-out of it, as the OCI login or cXML setup leave them, minting `tokenId`. */
async function punchoutOf(tag: string, contactId: number, tokenId: string) {
  const [buyer] = await e2eQuery<{ id: string; name: string }>(
    `INSERT INTO punchout_buyers (name, protocol, company_id, oci_username, oci_username_field, oci_password_field, secret_hash, return_origins)
     SELECT $1, 'OCI', company_id, $2, 'USERNAME', 'PASSWORD', 'not-a-secret', '{https://srm.buyer.test}' FROM contacts WHERE id = $3
     RETURNING id, name`,
    [`SRM ${tag}`, `user-${tag}`, contactId],
  );
  await e2eQuery(`INSERT INTO punchout_sessions (buyer_id, login_token_id, protocol, return_url) VALUES ($1, $2, 'OCI', 'https://srm.buyer.test/hook')`, [
    buyer!.id,
    tokenId,
  ]);
  return buyer!;
}

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1600, height: 900 } });

  test("Max uses and Punch-out buyer narrow the table, and a punch-out token shows its buyer", async ({ page, people, tokens, tag }) => {
    const contact = await people.contact("Uma");
    const base = { contactId: contact.id, userName: contact.name, expiresAt: new Date(Date.now() + 86_400_000) };
    await tokens.create({ ...base, extra: "once", oneTimeUse: true });
    await tokens.create({ ...base, extra: "five uses", maxUses: 5, successfulAttempts: 3 });
    await tokens.create({ ...base, extra: "unlimited" });
    const punchout = await tokens.create({ ...base, extra: "punched out", oneTimeUse: true });
    const buyer = await punchoutOf(tag, contact.id, punchout.id);

    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await expect(bodyRows(page)).toHaveCount(4);
    await expect(bodyRows(page).filter({ hasText: "punched out" })).toContainText(buyer.name);

    await applyFilters(page, (panel) => panel.getByRole("group", { name: "Max uses" }).getByRole("radio", { name: "N times" }).check());
    await expect(chips(page)).toContainText("Max uses: N times");
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("3 of 5 uses");
    await page.getByRole("button", { name: "Remove filter Max uses: N times" }).click();
    await expect(bodyRows(page)).toHaveCount(4);

    await applyFilters(page, (panel) => panel.getByRole("group", { name: "Max uses" }).getByRole("radio", { name: "Unlimited" }).check());
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("unlimited");
    await page.getByRole("button", { name: "Remove filter Max uses: Unlimited" }).click();

    await applyFilters(page, async (panel) => {
      await panel.getByRole("combobox", { name: "Punch-out buyer" }).click();
      await page.getByRole("option", { name: buyer.name }).click();
    });
    await expect(page).toHaveURL(new RegExp(`buyer=${buyer.id}`));
    await expect(chips(page)).toContainText(`Punch-out buyer: ${buyer.name}`);
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page)).toContainText("punched out");

    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("at 1280 × 800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the table fits without scrolling sideways; a column that gave way comes back from the Columns menu", async ({ page, people, tokens }) => {
    const contact = await people.contact("Vera");
    await tokens.create({ contactId: contact.id, userName: contact.name, extra: "A long note about this token ".repeat(10), maxUses: 5 });
    await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
    await expect(bodyRows(page)).toHaveCount(1);
    const region = page.getByRole("region", { name: "Login tokens" });
    const overflow = () => region.evaluate((element) => element.scrollWidth - element.clientWidth);
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("columnheader", { name: /One Time Use/ })).toBeHidden();

    await page.getByRole("button", { name: "Columns" }).click();
    const oneTime = page.getByRole("menuitemcheckbox", { name: "One Time Use" });
    await expect(oneTime).not.toBeChecked();
    await oneTime.click();
    await expect(oneTime).toBeChecked();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("columnheader", { name: /One Time Use/ })).toBeVisible();
  });
});
