// Headers every response carries, whatever produced it; pages replace the
// Content-Security-Policy with their nonce-based one (proxy.ts) and token
// pages tighten the Referrer-Policy. HSTS only when served over https: on
// localhost it would pin the browser to an https that is not there.

/**
 * The login link's redeem POST, which proxy.ts leaves alone: it is on the hot
 * path and renders no page that needs a script nonce. Its answers get their
 * policies here instead (a route handler's headers are added to these, not
 * put in their place): no Referer from a token page, and for its one HTML
 * answer (the 429 page) inline styles and nothing else.
 */
export const REDEEM_PATH = "/login/token/redeem";

/**
 * The punch-out transfer page, which proxy.ts also leaves alone: its form
 * posts the cart to the buyer's origin, so its route handler writes its own
 * Content-Security-Policy, and none is set here (Next.js keeps a header that
 * is already set instead of the route's).
 */
export const OWN_POLICY_PATH = "/shop/punchout/transfer";

/** @param {{ https: boolean, redeemPath?: boolean, ownPolicy?: boolean }} options */
export function baselineHeaders({ https, redeemPath = false, ownPolicy = false }) {
  return {
    ...(ownPolicy
      ? {}
      : {
          "Content-Security-Policy": redeemPath
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

/**
 * The client's address: the entry `hops` places from the right of
 * X-Forwarded-For followed by the socket's address. Entries further left were
 * written by the client and prove nothing.
 * @param {string | undefined} forwardedFor
 * @param {string | undefined} socketAddress
 * @param {number} hops
 */
export function clientAddress(forwardedFor, socketAddress, hops) {
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
    socketAddress ?? "",
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "";
}
