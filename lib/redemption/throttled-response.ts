import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/database-unavailable";

const CLOCK_ICON = '<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>';

/**
 * A login link page that says why the visitor must wait, with Retry-After. A
 * route handler cannot render the app's React pages, so these pages are plain
 * HTML with their own few styles, made to look like the other login link pages.
 */
function waitPage(status: 429 | 503, retryAfterSeconds: number, title: string, message: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} · Webshop</title>
<style>
  body { margin: 0; min-height: 100svh; display: flex; flex-direction: column; align-items: center; justify-content: center;
         background: #f5f5f4; color: #1c1917; font: 14px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 48px 16px; box-sizing: border-box; }
  main { width: 100%; max-width: 24rem; box-sizing: border-box; background: #fff; border: 1px solid #e7e5e4; border-radius: 16px; padding: 32px; text-align: center; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05); }
  .mark { width: 48px; height: 48px; margin: 0 auto 20px; border-radius: 999px; background: #fffbeb; color: #b45309; display: flex; align-items: center; justify-content: center; }
  h1 { margin: 0; font-size: 20px; line-height: 28px; font-weight: 600; letter-spacing: -0.01em; }
  p { margin: 8px 0 0; color: #57534e; text-wrap: balance; }
  footer { margin-top: 24px; font-size: 12px; color: #78716c; }
</style>
</head>
<body>
<main>
  <div class="mark" aria-hidden="true"><svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${CLOCK_ICON}</svg></div>
  <h1>${title}</h1>
  <p>${message}</p>
</main>
<footer>Webshop · secure sign-in link</footer>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}

/** The 429 answer to a visitor whose address has failed too often. */
export function throttledResponse(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
  return waitPage(
    429,
    retryAfterSeconds,
    "Too many attempts",
    `There were too many failed sign-in attempts from your network. Please wait ${wait} and open your login link again.`,
  );
}

/** The 503 answer while the database cannot be reached: the link was not used, and works again later. */
export function unavailableResponse(): Response {
  return waitPage(
    503,
    DATABASE_RETRY_AFTER_SECONDS,
    "Please try again in a moment",
    "Latchkey cannot reach its database right now. Your login link was not used; open it again in a moment.",
  );
}
