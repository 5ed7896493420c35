import { cardPage, escapeHtml } from "@/lib/card-page";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/database-unavailable";

const CLOCK_ICON = '<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>';

/** A login link page that says why the visitor must wait, with Retry-After. */
function waitPage(status: 429 | 503, retryAfterSeconds: number, title: string, message: string): Response {
  const html = cardPage({
    title,
    head: '<meta name="referrer" content="no-referrer">',
    styles: `  .mark { width: 48px; height: 48px; margin: 0 auto 20px; border-radius: 999px; background: #fffbeb; color: #b45309; display: flex; align-items: center; justify-content: center; }
  footer { margin-top: 24px; font-size: 12px; color: #78716c; }`,
    card: `  <div class="mark" aria-hidden="true"><svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${CLOCK_ICON}</svg></div>
  <h1>${escapeHtml(title)}</h1>
  <p>${escapeHtml(message)}</p>`,
    after: "<footer>Webshop · secure sign-in link</footer>",
  });
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
