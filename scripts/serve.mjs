// The HTTP server behind `npm start` and `npm run dev`: Next.js's request
// handler behind a plain Node server, so the client address can be settled
// here. Next.js keeps whatever X-Forwarded-For a client sends, which would let
// anyone choose the address the throttles count; this server replaces it with
// the address TRUSTED_PROXY_HOPS says to trust.
import { createServer } from "node:http";
import next from "next";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const https = (process.env.APP_URL ?? "").startsWith("https:");

// Headers every response carries, whatever produced it; pages replace the
// Content-Security-Policy with their nonce-based one (proxy.ts) and token
// pages tighten the Referrer-Policy.
const BASELINE_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
};

export function clientAddress(forwardedFor, socketAddress, hops) {
  const chain = [
    ...(forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean),
    socketAddress ?? "",
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "";
}

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = clientAddress(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress?.replace(/^::ffff:/, ""),
    trustedHops,
  );
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Ready on http://localhost:${port}`));

function close() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold the close open; give them a moment.
  setTimeout(() => process.exit(0), 3_000).unref();
  server.closeIdleConnections?.();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);
