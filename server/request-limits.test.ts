import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientError, MAX_URL_LENGTH, refuseOversizeUrl } from "./request-limits";

// A real HTTP server on a free port, wired as server/main.ts wires it.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (refuseOversizeUrl(req, res)) return;
    res.end("handled");
  });
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("an oversize request", () => {
  it("is handled up to the URL limit", async () => {
    const response = await fetch(`${base}/api/v1/login-tokens?ids=${"a".repeat(MAX_URL_LENGTH - 40)}`);
    expect(response.status).toBe(200);
  });

  it.each([MAX_URL_LENGTH + 1, 12 * 1024, 100 * 1024, 1024 * 1024])("answers 414, readably, for a URL of %d characters", async (length) => {
    const response = await fetch(`${base}/api/v1/login-tokens?ids=${"a".repeat(length)}`);
    expect(response.status).toBe(414);
    expect(await response.text()).toMatch(/address is too long/);
  });

  it("answers 431 for headers past Node's limit behind a short URL", async () => {
    const response = await fetch(`${base}/`, { headers: { "x-filler": "h".repeat(40 * 1024) } });
    expect(response.status).toBe(431);
  });
});
