// Headers every response carries, whatever produced it; pages replace the
// Content-Security-Policy with their nonce-based one (proxy.ts) and token
// pages tighten the Referrer-Policy. HSTS only when served over https: on
// localhost it would pin the browser to an https that is not there.

/** @param {{ https: boolean }} options */
export function baselineHeaders({ https }) {
  return {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
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
    ...(forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean),
    socketAddress ?? "",
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "";
}
