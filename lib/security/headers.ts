/**
 * Every security header the app sends, and the only module that names one.
 * The server (server/main.ts) puts the baseline on every response, whatever
 * produced it; proxy.ts replaces the policy of pages with a nonce-based one
 * and tightens the pages that carry a secret in their URL; the punch-out
 * transfer page writes its own policy. HSTS only when served over https: on
 * localhost it would pin the browser to an https that is not there.
 */

type HeaderMap = Record<string, string>;

/** The header Next.js reads a page's script nonce from, on the request as on the response. */
export const POLICY_HEADER = "Content-Security-Policy";

/**
 * The login link's redeem POST, which proxy.ts leaves alone: it is on the hot
 * path and renders no page that needs a script nonce. Its answers get their
 * policies from the server instead (a route handler's headers are added to
 * these, not put in their place): no Referer from a token page, and for its
 * one HTML answer (the 429 page) inline styles and nothing else.
 */
export const REDEEM_PATH = "/login/token/redeem";

/**
 * The punch-out transfer page, which proxy.ts also leaves alone: its form
 * posts the cart to the buyer's origin, so its route handler writes its own
 * policy (transferPageHeaders), and the server sets none (Next.js keeps a
 * header that is already set instead of the route's).
 */
export const OWN_POLICY_PATH = "/shop/punchout/transfer";

/** For answers that carry or lead to a secret: no Referer may take the URL elsewhere. */
export const NO_REFERRER: HeaderMap = { "Referrer-Policy": "no-referrer" };

export function baselineHeaders({ https, redeemPath = false, ownPolicy = false }: { https: boolean; redeemPath?: boolean; ownPolicy?: boolean }): HeaderMap {
  return {
    ...(ownPolicy
      ? {}
      : {
          [POLICY_HEADER]: redeemPath
            ? "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            : "default-src 'none'; frame-ancestors 'none'",
        }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": redeemPath ? "no-referrer" : "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The baseline for a request target (path and query), computed once per kind of path. */
export function baselineHeadersFor(https: boolean): (url: string) => HeaderMap {
  const everywhere = baselineHeaders({ https });
  const redeem = baselineHeaders({ https, redeemPath: true });
  const ownPolicy = baselineHeaders({ https, ownPolicy: true });
  return (url) => (url === REDEEM_PATH || url.startsWith(`${REDEEM_PATH}?`) ? redeem : url === OWN_POLICY_PATH ? ownPolicy : everywhere);
}

/**
 * The policy of HTML pages: scripts only with this response's nonce (Next.js
 * puts it on its own scripts), nothing may frame the back-office, forms post
 * only here. Styles may be inline: Radix and Next.js set style attributes,
 * and a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * What proxy.ts sets on a page's response. Login link and set-password pages
 * carry the secret in their URL: no Referer may take it elsewhere, and no
 * cache may keep the page.
 */
export function pageHeaders(pathname: string, policy: string): HeaderMap {
  const secretInUrl = pathname.startsWith("/login/token") || pathname.startsWith("/set-password/");
  return { [POLICY_HEADER]: policy, ...(secretInUrl ? { ...NO_REFERRER, "Cache-Control": "no-store" } : {}) };
}

/** The punch-out transfer page: a script of its own, inline styles, and a form that may post only to the buyer. */
export function transferPageHeaders(returnOrigin: string): HeaderMap {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    `form-action ${returnOrigin}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { [POLICY_HEADER]: policy, ...NO_REFERRER };
}
