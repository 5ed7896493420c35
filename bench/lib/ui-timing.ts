// Users > Login Tokens as a staff member meets it, in Chromium against the
// production app: from the click to the result, for opening the page (from
// another page of the back-office, by its menu link, until the first page of
// rows is on screen) and for saving an edit (from Save until the row shows the
// new text and the dialog is closing; and, apart, until its closing animation
// has ended and it has gone). The clock runs in the page: from the
// click event to the first frame after the change that shows the result, so
// that the test driver's own checks before a click and its polling after it
// are not counted. It starts on a page that has finished loading (no request
// for half a second), as a person looks at a page before clicking: otherwise
// it also counts the rest of the previous page's own load. Medians of several
// runs, after one of each that is not counted (the server's first render of a
// route, the browser's first load of its script).
import { chromium, type Locator, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/lib/find-chromium.mjs";
import { median, round } from "./stats";

export interface UiTimings {
  runs: number;
  pageOpenMs: number[];
  saveMs: number[];
  saveDialogGoneMs: number[];
  median: { pageOpenMs: number; saveMs: number; saveDialogGoneMs: number };
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Clicks `target` and answers, for each of `marks` (script expressions), the
 * milliseconds from the click event to the frame after the document first met it.
 */
async function clickToResults<K extends string>(page: Page, target: Locator, marks: Record<K, string>): Promise<Record<K, number>> {
  const names = Object.keys(marks);
  const checks = Object.entries<string>(marks)
    .map(([name, shown]) => `if (!seen.has(${JSON.stringify(name)}) && (${shown})) mark(${JSON.stringify(name)});`)
    .join("\n");
  // In parentheses with a plain value after: evaluate() would otherwise wait for the promise, before the click.
  await page.evaluate(`(window.__uiTiming = new Promise((resolve) => {
    let clickedAt;
    const seen = new Set();
    const shownAt = {};
    const mark = (name) => {
      seen.add(name);
      requestAnimationFrame((frame) => {
        shownAt[name] = frame - clickedAt;
        if (Object.keys(shownAt).length === ${names.length}) resolve(shownAt);
      });
    };
    addEventListener("click", (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (clickedAt === undefined) return;
      ${checks}
      if (seen.size === ${names.length}) observer.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }), 0)`);
  await target.click();
  return page.evaluate<Record<K, number>>("window.__uiTiming");
}

async function signIn(page: Page, origin: string, email: string, password: string) {
  await page.goto(`${origin}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /Sign in/ }).click();
  await page.waitForURL(/\/users\/login-tokens/);
}

async function openPage(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/users/audit-log`);
  await page.getByRole("table", { name: "Audit events" }).waitFor();
  await page.waitForLoadState("networkidle");
  const { shown } = await clickToResults(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Login Tokens" }), {
    shown: `document.querySelector('table[aria-label="Login tokens"] tbody tr') && !document.querySelector('[aria-busy="true"]')`,
  });
  return shown;
}

async function saveEdit(page: Page, origin: string, tokenId: string, run: number): Promise<{ saved: number; gone: number }> {
  await page.goto(`${origin}/users/login-tokens?token=${tokenId}`);
  const dialog = page.getByRole("dialog");
  const extra = dialog.getByRole("textbox", { name: "Extra" });
  const text = `Bench edit ${run} ${Date.now()}`;
  await extra.fill(text);
  await page.waitForLoadState("networkidle");
  const rowShowsText = `[...document.querySelectorAll('table[aria-label="Login tokens"] tbody tr')].some((row) => row.textContent.includes(${JSON.stringify(text)}))`;
  return clickToResults(page, dialog.getByRole("button", { name: "Save" }), {
    saved: `!document.querySelector('[role="dialog"][data-state="open"]') && ${rowShowsText}`,
    gone: `!document.querySelector('[role="dialog"]') && ${rowShowsText}`,
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
    const saveDialogGoneMs: number[] = [];
    for (let run = 1; run <= runs; run++) {
      pageOpenMs.push(round(await openPage(page, origin), 0));
      const { saved, gone } = await saveEdit(page, origin, tokenId, run);
      saveMs.push(round(saved, 0));
      saveDialogGoneMs.push(round(gone, 0));
    }
    return {
      runs,
      pageOpenMs,
      saveMs,
      saveDialogGoneMs,
      median: { pageOpenMs: round(median(pageOpenMs), 0), saveMs: round(median(saveMs), 0), saveDialogGoneMs: round(median(saveDialogGoneMs), 0) },
    };
  } finally {
    await browser.close();
  }
}
