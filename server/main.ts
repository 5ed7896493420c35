// The HTTP server behind `npm start` and `npm run dev`: Next.js's request
// handler behind a plain Node server, so that the client address and the
// baseline headers are settled here for every response. In production it
// also answers the two redemption endpoints itself, before Next.js's router
// (server/direct-routes.ts), and sweeps expired rows (server/background.ts);
// scripts/build.mjs bundles this file, with those, into the build folder.
// Development runs it from source (tsx) and leaves both to Next.js, which
// reloads the endpoints as they change.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { baselineHeadersFor } from "@/lib/security/headers";
import { settleClientAddress } from "./client-address";
import type { DirectHandler } from "./direct-routes";
import { sendFetchResponse, toFetchRequest } from "./fetch-adapter";
import { answerClientError, refuseOversizeUrl } from "./request-limits";
import { withRequestState } from "./request-state";

const dev = process.argv[2] === "dev";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const headersFor = baselineHeadersFor((process.env.APP_URL ?? "").startsWith("https:"));

async function serveDirect(handler: DirectHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await sendFetchResponse(res, await handler(await toFetchRequest(req)));
  } catch (error) {
    // As Next.js answers a route handler that throws: a bare 500. The path only, never the query or body.
    console.error(`Error answering ${req.method} ${req.url?.split("?", 1)[0]}:`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
}

async function start(): Promise<void> {
  // Loaded only in production: their modules are server-only, and development
  // runs outside the react-server condition. Before Next.js starts, whose error
  // handlers would turn a failure here into exit code 0.
  const directHandler: (pathname: string, method: string, search: string) => DirectHandler | undefined = dev
    ? () => undefined
    : (await import("./direct-routes")).directHandler;
  if (!dev) (await import("./background")).startBackgroundWork();

  const app = next({ dev, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    settleClientAddress(req, trustedHops);
    for (const [name, value] of Object.entries(headersFor(req.url ?? ""))) res.setHeader(name, value);
    if (refuseOversizeUrl(req, res)) return;
    const [pathname = "", search = ""] = req.url?.split(/\?(.*)/s, 2) ?? [];
    const direct = directHandler(pathname, req.method ?? "", search);
    if (direct) void serveDirect(direct, req, res);
    else withRequestState(res, () => void handle(req, res));
  });
  server.keepAliveTimeout = 65_000;
  server.on("clientError", answerClientError);
  server.listen(port, hostname, () => console.log(`Ready on http://localhost:${port}`));

  const close = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold the close open; give them a moment.
    setTimeout(() => process.exit(0), 3_000).unref();
    server.closeIdleConnections?.();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
}

start().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
