import type { Page } from "@playwright/test";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { demoStaff, storageStateFor } from "./fixtures/staff";
import { openLoginLink } from "./fixtures/continue-page";

const PAYLOAD = `<img src=x onerror=alert(1)>`;

/** Fails the test if the page ever opens an alert, and checks the markup never became an element. */
function watchForScript(page: Page) {
  const alerts: string[] = [];
  page.on("dialog", async (dialog) => {
    alerts.push(dialog.message());
    await dialog.dismiss();
  });
  return async () => {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(alerts).toEqual([]);
  };
}

test.use({ storageState: storageStateFor("editor") });

test("markup stored in names, extra and reasons shows as text in the table, the dialog, the audit log and the storefront", async ({
  page,
  browser,
  baseURL,
  people,
  tokens,
}) => {
  const contact = await people.contact(PAYLOAD);
  const token = await tokens.create({ contactId: contact.id, userName: contact.name, extra: PAYLOAD });
  const [editor] = await e2eQuery<{ id: string }>("SELECT id FROM staff_users WHERE email = $1", [demoStaff("editor").email]);
  await e2eQuery("UPDATE login_tokens SET reason = $1, created_by_staff_id = $2 WHERE id = $3", [PAYLOAD, editor!.id, token.id]);
  await e2eQuery(
    `INSERT INTO audit_events (action, actor_type, actor_staff_id, actor_label, login_token_id, ip, user_agent, details)
     VALUES ('token.created', 'STAFF', $1, $2, $3, '127.0.0.1', $2, $4)`,
    [editor!.id, PAYLOAD, token.id, JSON.stringify({ reason: PAYLOAD, extra: PAYLOAD })],
  );
  const checkNoScript = watchForScript(page);

  await page.goto(`/users/login-tokens?user=contact:${contact.id}`);
  const row = page.getByRole("table", { name: "Login tokens" }).locator("tbody tr").filter({ hasText: contact.name });
  await expect(row).toContainText(contact.name);
  await expect(row).toContainText(PAYLOAD);

  await row.getByRole("button", { name: `Open token for ${contact.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Edit login token · ${contact.name}` });
  await expect(dialog.getByRole("textbox", { name: "Extra" })).toHaveValue(PAYLOAD);
  await expect(dialog).toContainText(`Reason${PAYLOAD}`);
  await checkNoScript();

  await page.goto(`/users/audit-log?token=${token.id}`);
  const event = page.getByRole("table", { name: "Audit events" }).locator("tbody tr").first();
  await expect(event).toContainText(`Reason: ${PAYLOAD}`);
  await expect(event).toContainText(`Extra: ${PAYLOAD}`);
  await checkNoScript();

  // The visitor's side: the storefront names the person and shows the reason of the staff member's link.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const checkVisitor = watchForScript(visitor);
  await openLoginLink(visitor, `${baseURL}/login/token?t=${token.value}`);
  await expect(visitor).toHaveURL(/\/shop$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(contact.name);
  await expect(visitor.getByText(`You are viewing the shop as ${contact.name}, opened by ${demoStaff("editor").name}`)).toBeVisible();
  await expect(visitor.getByText(PAYLOAD).first()).toBeVisible();
  await checkVisitor();
  await visitorContext.close();
});
