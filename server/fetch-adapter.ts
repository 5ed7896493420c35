// Between Node's http objects and the Fetch API's Request and Response, for
// the handlers the server answers itself (server/direct-routes.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { DIRECT_BODY_READ_BYTES } from "@/lib/body-limits";

/** Reads the whole body but keeps at most DIRECT_BODY_READ_BYTES of it. */
function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size < DIRECT_BODY_READ_BYTES) chunks.push(chunk.subarray(0, DIRECT_BODY_READ_BYTES - size));
      size += chunk.length;
    });
    // Buffer.concat allocates a fresh, unshared ArrayBuffer, which is what a Request body takes.
    req.on("end", () => resolve(Buffer.concat(chunks) as Uint8Array<ArrayBuffer>));
    req.on("error", reject);
  });
}

/**
 * A Request with the headers as the server settled them (req.headers, not
 * rawHeaders: X-Forwarded-For has been replaced by the trusted address).
 */
export async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
  // Only the path and query are read by the handlers; the caller has matched the path exactly.
  return new Request(new URL(req.url ?? "/", "http://localhost"), { method, headers, body });
}

export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}
