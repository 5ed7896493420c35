import { chromium } from "@playwright/test";
const base = "http://localhost:3152";
const who = process.argv[2] ?? "editor";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, locale: "en-GB", timezoneId: "Europe/Amsterdam" });
const page = await context.newPage();
page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
page.on("response", (r) => r.status() === 404 && console.log("404:", r.url()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
await context.request.post("/api/auth/callback/credentials", { form: { email: `${who}@latchkey.test`, password: "latchkey-demo", csrfToken, json: "true" } });
const steps = process.argv.slice(3);
await page.goto("/users/login-tokens");
await page.waitForTimeout(1500);
await page.screenshot({ path: `/tmp/shots/${who}-page.png` });
for (const step of steps) {
  if (step === "filters") { await page.getByRole("button", { name: /^Filters/ }).click(); await page.waitForTimeout(500); await page.screenshot({ path: `/tmp/shots/${who}-filters.png` }); }
  if (step === "create") { await page.getByRole("button", { name: "New Login Token" }).click(); await page.waitForTimeout(500); await page.screenshot({ path: `/tmp/shots/${who}-create.png` });
    await page.getByRole("combobox", { name: /Select contact or customer/ }).click(); await page.waitForTimeout(800); await page.screenshot({ path: `/tmp/shots/${who}-picker.png` });
    await page.getByRole("option").first().click();
    await page.getByRole("button", { name: /Expires at|Never expires/ }).click(); await page.waitForTimeout(300); await page.screenshot({ path: `/tmp/shots/${who}-expiry.png` });
    await page.getByRole("button", { name: "7 days" }).click();
    await page.getByRole("textbox", { name: "Extra" }).fill("Shot test");
    await page.waitForTimeout(200); await page.screenshot({ path: `/tmp/shots/${who}-create-filled.png` });
    await page.getByRole("button", { name: "Save" }).click(); await page.waitForTimeout(1500); await page.screenshot({ path: `/tmp/shots/${who}-created.png` });
    await page.getByRole("button", { name: "Done" }).click(); await page.waitForTimeout(800); }
  if (step === "edit") { await page.getByRole("row").nth(1).getByRole("button").first().click(); await page.waitForTimeout(1500); await page.screenshot({ path: `/tmp/shots/${who}-edit.png`, fullPage: false });
    const reveal = page.getByRole("button", { name: "Show token" }); if (await reveal.count()) { await reveal.click(); await page.waitForTimeout(800); await page.screenshot({ path: `/tmp/shots/${who}-revealed.png` }); }
    await page.keyboard.press("Escape"); await page.waitForTimeout(800); }
  if (step === "delete") { await page.getByRole("checkbox", { name: /Select token/ }).nth(0).click(); await page.getByRole("checkbox", { name: /Select token/ }).nth(1).click(); await page.waitForTimeout(300); await page.screenshot({ path: `/tmp/shots/${who}-selected.png` });
    await page.getByRole("button", { name: "Delete" }).click(); await page.waitForTimeout(500); await page.screenshot({ path: `/tmp/shots/${who}-delete.png` }); await page.getByRole("button", { name: "Cancel" }).click(); }
  if (step === "empty") { await page.goto("/users/login-tokens?failed=gt:999999&oneTimeUse=yes"); await page.waitForTimeout(1500); await page.screenshot({ path: `/tmp/shots/${who}-empty.png` }); }
}
console.log("url", page.url());
await browser.close();
