// The HTTP server behind `npm start` and `npm run dev`: Next.js's request
// handler behind a plain Node server, so the client address can be settled
// here. Next.js keeps whatever X-Forwarded-For a client sends, which would let
// anyone choose the address the throttles count; this server replaces it with
// the address TRUSTED_PROXY_HOPS says to trust. In production it also answers
// the two redemption endpoints itself, with the bundle scripts/build.mjs made
// of lib/direct-routes.ts, before Next.js's router.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { baselineHeaders, clientAddress, OWN_POLICY_PATH, REDEEM_PATH } from "./lib/baseline-headers.mjs";
import { sendFetchResponse, toFetchRequest } from "./lib/fetch-adapter.mjs";
import { answerClientError, refuseOversizeUrl } from "./lib/request-limits.mjs";
import { withRequestState } from "./lib/request-state.mjs";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const https = (process.env.APP_URL ?? "").startsWith("https:");

const BASELINE_HEADERS = baselineHeaders({ https });
const REDEEM_HEADERS = baselineHeaders({ https, redeemPath: true });
const OWN_POLICY_HEADERS = baselineHeaders({ https, ownPolicy: true });

/**
 * What this server runs itself, from the bundle scripts/build.mjs made.
 * Development serves the redemption endpoints through Next.js, which reloads
 * them as they change, and sweeps nothing.
 * @returns {Promise<{ directHandler: (pathname: string, method: string) => ((request: Request) => Promise<Response>) | undefined, sweepExpired: (() => Promise<Record<string, number>>) | null }>}
 */
async function loadServerModules() {
  if (dev) return { directHandler: () => undefined, sweepExpired: null };
  const folder = path.resolve(import.meta.dirname, "..", process.env.LATCHKEY_DIST_DIR ?? ".next", "serve");
  const load = async (name) => {
    const file = path.join(folder, `${name}.mjs`);
    if (!existsSync(file)) throw new Error(`${file} is missing: build with \`npm run build\` (scripts/build.mjs), not \`next build\` alone.`);
    return import(pathToFileURL(file).href);
  };
  return { directHandler: (await load("direct-routes")).directHandler, sweepExpired: (await load("housekeeping")).sweepExpired };
}
// Before Next.js starts, whose error handlers would turn a failure here into exit code 0.
const { directHandler, sweepExpired } = await loadServerModules();

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * @param {(request: Request) => Promise<Response>} handler
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
async function serveDirect(handler, req, res) {
  try {
    await sendFetchResponse(res, await handler(await toFetchRequest(req)));
  } catch (error) {
    // As Next.js answers a route handler that throws: a bare 500. The path only, never the query or body.
    console.error(`Error answering ${req.method} ${req.url?.split("?", 1)[0]}:`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

const server = createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = clientAddress(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress?.replace(/^::ffff:/, ""),
    trustedHops,
  );
  const redeem = req.url === REDEEM_PATH || req.url?.startsWith(`${REDEEM_PATH}?`);
  const ownPolicy = req.url === OWN_POLICY_PATH;
  for (const [name, value] of Object.entries(redeem ? REDEEM_HEADERS : ownPolicy ? OWN_POLICY_HEADERS : BASELINE_HEADERS)) res.setHeader(name, value);
  if (refuseOversizeUrl(req, res)) return;
  const [pathname = "", search = ""] = req.url?.split(/\?(.*)/s, 2) ?? [];
  const direct = directHandler(pathname, req.method ?? "", search);
  if (direct) void serveDirect(direct, req, res);
  else withRequestState(res, () => void handle(req, res));
});
server.keepAliveTimeout = 65_000;
server.on("clientError", answerClientError);

const SWEEP_EVERY_MS = 10 * 60_000;
async function sweep() {
  try {
    const swept = Object.entries((await sweepExpired?.()) ?? {}).filter(([, count]) => count > 0);
    if (swept.length > 0) console.log(`Swept expired rows: ${swept.map(([table, count]) => `${count} ${table}`).join(", ")}`);
  } catch (error) {
    console.error("Sweeping expired rows failed:", error instanceof Error ? error.message : error);
  }
}
if (sweepExpired) {
  setTimeout(() => void sweep(), 30_000).unref();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
}
server.listen(port, hostname, () => console.log(`Ready on http://localhost:${port}`));

function close() {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold the close open; give them a moment.
  setTimeout(() => process.exit(0), 3_000).unref();
  server.closeIdleConnections?.();
}
process.on("SIGTERM", close);
process.on("SIGINT", close);
