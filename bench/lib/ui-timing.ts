// Users > Login Tokens as a staff member meets it, in Chromium against the
// production app: from the click to the result, for opening the page (from
// another page of the back-office, by its menu link, until the first page of
// rows is on screen) and for saving an edit (from Save until the dialog has
// closed and the row shows the new text). The clock starts on a page that has
// finished loading (no request for half a second), as a person looks at a
// page before clicking: otherwise it also counts the rest of the previous
// page's own load (its script and hydration), which is that page's time, not
// this one's. Medians of several runs, after one of each that is not counted
// (the server's first render of a route, the browser's first load of its script).
import { chromium, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/lib/find-chromium.mjs";
import { median, round } from "./stats";

export interface UiTimings {
  runs: number;
  pageOpenMs: number[];
  saveMs: number[];
  median: { pageOpenMs: number; saveMs: number };
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function signIn(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /Sign in/ }).click();
  await page.waitForURL(/\/users\/login-tokens/);
}

const rows = (page: Page) => page.getByRole("table", { name: "Login tokens" }).locator("tbody tr");

async function openPage(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/users/audit-log`);
  await page.getByRole("table", { name: "Audit events" }).waitFor();
  await page.waitForLoadState("networkidle");
  return timed(async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Login Tokens" }).click();
    await rows(page).first().waitFor();
    await page.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  });
}

async function saveEdit(page: Page, origin: string, tokenId: string, run: number): Promise<number> {
  await page.goto(`${origin}/users/login-tokens?token=${tokenId}`);
  const dialog = page.getByRole("dialog");
  const extra = dialog.getByRole("textbox", { name: "Extra" });
  const text = `Bench edit ${run} ${Date.now()}`;
  await extra.fill(text);
  await page.waitForLoadState("networkidle");
  return timed(async () => {
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await rows(page).filter({ hasText: text }).first().waitFor();
  });
}

/** Times page open and save `runs` times each, signed in as `email`; `tokenId` is a live token on the first page. */
export async function measureUiTimings({
  origin,
  email,
  password,
  tokenId,
  runs,
}: {
  origin: string;
  email: string;
  password: string;
  tokenId: string;
  runs: number;
}): Promise<UiTimings> {
  const found = findChromium();
  if (!found) throw new Error("No Chromium to time the back-office with (see README: Tests).");
  const browser = await chromium.launch(found.bundled ? {} : { executablePath: found.path, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, origin, email, password);
    await openPage(page, origin);
    await saveEdit(page, origin, tokenId, 0);
    const pageOpenMs: number[] = [];
    const saveMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      pageOpenMs.push(round(await openPage(page, origin), 0));
      saveMs.push(round(await saveEdit(page, origin, tokenId, run), 0));
    }
    return { runs, pageOpenMs, saveMs, median: { pageOpenMs: round(median(pageOpenMs), 0), saveMs: round(median(saveMs), 0) } };
  } finally {
    await browser.close();
  }
}
