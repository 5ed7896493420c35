import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

test.describe("as an administrator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("invites a staff member who sets a password in another browser and signs in; deactivation sends them to sign-in at their next click", async ({
    page,
    browser,
  }) => {
    const email = `invitee-${Date.now()}@staff.test`;
    await page.goto("/settings/staff");
    await expect(page.getByRole("heading", { name: "Staff" })).toBeVisible();
    await page.getByRole("button", { name: "Invite staff member" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Ivy Invitee");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByText("Configuration", { exact: true }).click();
    await dialog.getByRole("button", { name: "Invite" }).click();
    const link = await dialog.getByLabel("Set-password link").inputValue();
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row").filter({ hasText: email }).getByText("Invited")).toBeVisible();

    // A browser of its own: not the administrator's saved sign-in.
    const elsewhere = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invitee = await elsewhere.newPage();
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByRole("heading", { name: "Choose a password" })).toBeVisible();
    await invitee.getByLabel("New password", { exact: true }).fill("ivy's own long password");
    await invitee.getByLabel("New password again").fill("ivy's own long password");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.getByRole("link", { name: "Sign in" }).click();
    await invitee.getByLabel("Email").fill(email);
    await invitee.getByLabel("Password").fill("ivy's own long password");
    await invitee.getByRole("button", { name: "Sign in" }).click();
    await expect(invitee.getByRole("heading", { name: "Login Tokens" })).toBeVisible();

    // The link was used: opening it again tells nothing but that it is not valid.
    const again = await elsewhere.newPage();
    await again.goto(new URL(link).pathname);
    await expect(again.getByText("This link is not valid any more.")).toBeVisible();

    await page.reload();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByText("Active")).toBeVisible();
    await row.getByRole("button", { name: "Deactivate Ivy Invitee" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByText("Deactivated")).toBeVisible();

    await invitee.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
    await expect(invitee).toHaveURL(/\/login/);
    await elsewhere.close();
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`keeps a staff member's row actions in view when the name and email are very long, at ${viewport.width}×${viewport.height}`, async ({
      page,
      staffMembers,
    }) => {
      await page.setViewportSize(viewport);
      // First by name, so on the first page.
      const staff = await staffMembers.create({ prefix: "Aaliyah Wolfeschlegelsteinhausenbergerdorff-Überlänge von Namensträgerin" });
      await page.goto("/settings/staff");
      const row = page.getByRole("row").filter({ hasText: staff.email });
      for (const action of ["Edit", "Reset password of", "Deactivate"]) {
        await expect(row.getByRole("button", { name: `${action} ${staff.name}` })).toBeInViewport({ ratio: 1 });
      }
      // The whole name and email stay readable where they are cut short.
      await expect(row.getByTitle(`${staff.name}\n${staff.email}`)).toBeVisible();
    });
  }

  test("cannot deactivate themselves", async ({ page }) => {
    await page.goto("/settings/staff");
    await page.getByRole("row").filter({ hasText: "admin@latchkey.test" }).getByRole("button", { name: "Deactivate Ada Admin" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByText("You cannot deactivate yourself. Ask another administrator.")).toBeVisible();
  });
});

for (const who of ["editor", "viewer"] as const) {
  test.describe(`as the ${who}`, () => {
    test.use({ storageState: storageStateFor(who) });

    test("sees no Settings > Staff, and the page answers 403", async ({ page }) => {
      await page.goto("/users/login-tokens");
      await expect(page.getByRole("navigation").getByRole("link", { name: "API reference" })).toBeVisible();
      await expect(page.getByRole("navigation").getByRole("link", { name: "Staff" })).toHaveCount(0);
      const response = await page.goto("/settings/staff");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("table")).toHaveCount(0);
    });
  });
}
