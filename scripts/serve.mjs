// The HTTP server behind `npm start` and `npm run dev`: Next.js's request
// handler behind a plain Node server, so the client address can be settled
// here. Next.js keeps whatever X-Forwarded-For a client sends, which would let
// anyone choose the address the throttles count; this server replaces it with
// the address TRUSTED_PROXY_HOPS says to trust.
import { createServer } from "node:http";
import next from "next";
import { baselineHeaders, clientAddress, REDEEM_PATH } from "./lib/baseline-headers.mjs";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const https = (process.env.APP_URL ?? "").startsWith("https:");

const BASELINE_HEADERS = baselineHeaders({ https });
const REDEEM_HEADERS = baselineHeaders({ https, redeemPath: true });

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
  const redeem = req.url === REDEEM_PATH || req.url?.startsWith(`${REDEEM_PATH}?`);
  for (const [name, value] of Object.entries(redeem ? REDEEM_HEADERS : BASELINE_HEADERS)) res.setHeader(name, value);
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
