import "server-only";
import { env } from "@/lib/env";

/**
 * Whether a state-changing POST comes from a page of this app, so another site
 * cannot sign a visitor in or out behind their back (login CSRF).
 * An explicit Origin must be the app's own. Pages that forbid the Referer
 * (the login link's continue page, lib/security/headers.ts) make the
 * browser send `Origin: null` on their own forms; then the browser's
 * Sec-Fetch-Site, which no page can set, must say same-origin.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin === new URL(env().APP_URL).origin;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** What a refused cross-site POST gets: nothing is evaluated, nothing changes. */
export function crossSiteRefusal(): Response {
  return new Response("This request came from another site and was refused.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
