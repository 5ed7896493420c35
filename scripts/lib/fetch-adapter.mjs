// Between Node's http objects and the Fetch API's Request and Response, for
// the handlers scripts/serve.mjs answers itself (lib/direct-routes.ts).

// The handlers refuse bodies above their own limits (64 KiB at most); one byte
// more than that is enough for them to see it is too large.
const MAX_BODY_BYTES = 64 * 1024 + 1;

/**
 * Reads the whole body but keeps at most MAX_BODY_BYTES of it, so an
 * oversized upload costs bandwidth, never memory.
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      if (size < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * A Request with the headers as the server settled them (req.headers, not
 * rawHeaders: X-Forwarded-For has been replaced by the trusted address).
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<Request>}
 */
export async function toFetchRequest(req) {
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

/**
 * @param {import("node:http").ServerResponse} res
 * @param {Response} response
 */
export async function sendFetchResponse(res, response) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}
