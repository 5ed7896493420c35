import { E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { openLoginLink } from "./fixtures/continue-page";
import { expect, test } from "./fixtures/data";
import { e2eQuery } from "./fixtures/db";

// An instance of its own whose impersonation cap is the shortest the setting
// takes, so that a test can see the cap end a session, and whose ordinary
// session length differs from the default, so that the other test sees which applied.
const CAP_MINUTES = 1;
const SHOP_SESSION_HOURS = 3;
const PORT = E2E_PORT + 12;
let capped: AppInstance;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  capped = await startAppInstance(PORT, {
    IMPERSONATION_SESSION_MINUTES: String(CAP_MINUTES),
    SHOP_SESSION_HOURS: String(SHOP_SESSION_HOURS),
    APP_URL: `http://127.0.0.1:${PORT}`,
  });
});

test.afterAll(async () => {
  await capped?.stop();
});

async function openedSession(tokenId: string) {
  const [session] = await e2eQuery<{ minutes: number; expiresAt: Date }>(
    `SELECT extract(epoch FROM expires_at - created_at)::float / 60 AS minutes, expires_at AS "expiresAt" FROM shop_sessions WHERE login_token_id = $1`,
    [tokenId],
  );
  if (!session) throw new Error("The link opened no webshop session");
  return session;
}

test("a staff member's link for a person opens a session that shows its time left and ends after IMPERSONATION_SESSION_MINUTES", async ({ page, tokens }) => {
  test.setTimeout(CAP_MINUTES * 60_000 + 90_000);
  const token = await tokens.visitor({ user: "contact", byStaff: true, expiresAt: new Date(Date.now() + 86_400_000), reason: "Checking a quote" });
  await openLoginLink(page, `${capped.url}/login/token?t=${token.value}`);
  const welcome = page.getByRole("heading", { level: 1, name: `Welcome, ${token.name}` });
  await expect(welcome).toBeVisible();
  const notice = page.getByRole("status").filter({ hasText: "You are viewing the shop as" });
  await expect(notice).toContainText(`opened by ${token.staffName}`);
  await expect(notice).toContainText("This session ends in 1 minute; open the link again to continue.");
  // The cap, not the token's day of validity, decides the session's end.
  const session = await openedSession(token.id);
  expect(session.minutes).toBeCloseTo(CAP_MINUTES, 2);

  await page.reload();
  await expect(welcome).toBeVisible();
  // Checked every few seconds until the shop says so, not slept through.
  await expect(async () => {
    await page.goto(`${capped.url}/shop`);
    await expect(page.getByRole("heading", { level: 1, name: "You are not signed in" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: CAP_MINUTES * 60_000 + 30_000, intervals: [2_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(session.expiresAt.getTime());
});

test("a link made through the API opens a session of SHOP_SESSION_HOURS, with no time-boxed notice", async ({ page, people, apiKeys }) => {
  const contact = await people.contact("Paula");
  const { key } = await apiKeys.create();
  const created = await fetch(`${capped.url}/api/v1/login-tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ contactId: contact.id, expiresIn: 600 }),
  });
  expect(created.status).toBe(201);
  const token = (await created.json()) as { id: string; loginUrl: string };

  await openLoginLink(page, token.loginUrl);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${contact.name}` })).toBeVisible();
  await expect(page.getByText("This session ends in")).toHaveCount(0);
  expect((await openedSession(token.id)).minutes).toBeCloseTo(SHOP_SESSION_HOURS * 60, 2);
});
