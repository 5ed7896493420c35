import { randomInt } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { e2eQuery } from "./fixtures/db";
import { expect, test } from "./fixtures/data";
import { storageStateFor } from "./fixtures/staff";

test.describe("Users > Customers > Import, as an editor", () => {
  test.use({ storageState: storageStateFor("editor") });

  test("checks a file with a bad row, shows the report with its line and reason, and imports the good rows", async ({ page, tag }) => {
    const base = randomInt(1_000_000, 2_000_000_000);
    const ids = [base, base + 1, base + 2];
    const email = (n: number) => `import${n}.${tag}@shopper.test`;
    const dir = await mkdtemp(path.join(tmpdir(), "latchkey-e2e-import-"));
    const file = path.join(dir, "customers.csv");
    await writeFile(
      file,
      `Customer ID;First name;Surname;E-mail\n${ids[0]};Ilse;${tag};${email(0)}\n${ids[1]};Jan;${tag};not an email\n${ids[2]};Kees;${tag};${email(2)}\n`,
    );
    try {
      await page.goto("/users/customers");
      await page.getByRole("link", { name: "Import" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Import customers" })).toBeVisible();
      await page.getByLabel("CSV file").setInputFiles(file);
      await page.getByRole("button", { name: "Check the file" }).click();

      const report = page.getByRole("region", { name: "3. What the import would do" });
      await expect(report.getByText("Would be created")).toBeVisible();
      await expect(report.getByRole("definition").nth(0)).toHaveText("2");
      await expect(report.getByRole("definition").nth(3)).toHaveText("1");
      const refused = report.getByRole("table", { name: "Refused rows" });
      await expect(refused.locator("tbody tr")).toHaveCount(1);
      await expect(refused.locator("tbody tr").first()).toContainText("3");
      await expect(refused.locator("tbody tr").first()).toContainText("email must be an email address");
      // The obvious headers were matched: the preview shows the surname under Last name.
      await expect(page.getByRole("table", { name: "Preview of the first rows" }).locator("tbody tr").first()).toContainText(tag);
      expect(await e2eQuery("SELECT id FROM customers WHERE id = ANY($1::int[])", [ids])).toHaveLength(0);

      const [download] = await Promise.all([page.waitForEvent("download"), report.getByRole("button", { name: "Download as CSV" }).click()]);
      expect(download.suggestedFilename()).toBe("customers-refused.csv");

      await report.getByRole("button", { name: "Import the 2 rows not refused" }).click();
      await expect(page.getByRole("status").filter({ hasText: "The good rows are in" })).toContainText("1 row refused");
      await expect(page.getByRole("table", { name: "Refused rows" }).locator("tbody tr")).toHaveCount(1);
      const rows = await e2eQuery<{ id: number }>("SELECT id FROM customers WHERE id = ANY($1::int[]) ORDER BY id", [ids]);
      expect(rows.map((row) => row.id)).toEqual([ids[0], ids[2]]);
      const events = await e2eQuery<{ details: { created: number; refused: number; file: string } }>(
        "SELECT details FROM audit_events WHERE action = 'people.imported' AND details->>'file' = 'customers.csv' ORDER BY id DESC LIMIT 1",
      );
      expect(events[0]?.details).toMatchObject({ created: 2, refused: 1 });
    } finally {
      await e2eQuery("DELETE FROM customers WHERE id = ANY($1::int[])", [ids]);
    }
  });

  test("the Status filter names its choice, Any status, before one is made", async ({ page }) => {
    for (const kind of ["contacts", "customers"]) {
      await page.goto(`/users/${kind}`);
      await expect(page.getByRole("combobox", { name: "Status" })).toHaveText("Any status");
    }
  });
});

test.describe("Users > Contacts and Customers, as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees no Import on either page, and the import page and route refuse them", async ({ page }) => {
    for (const kind of ["contacts", "customers"]) {
      await page.goto(`/users/${kind}`);
      await expect(page.getByRole("table")).toBeVisible();
      await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Log in as/ })).toHaveCount(0);
      const refused = await page.goto(`/users/${kind}/import`);
      expect(refused?.status()).toBe(403);
    }
    const input = encodeURIComponent(JSON.stringify({ kind: "customer", dryRun: false, allOrNothing: false, fileName: "x.csv" }));
    const origin = new URL(page.url()).origin;
    const answer = await page.request.post(`/users/import?input=${input}`, {
      data: "id,first name,last name,email\n1,A,B,a@b.test\n",
      headers: { Origin: origin },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ serverError: { message: "Your access is read-only." } });
  });
});
