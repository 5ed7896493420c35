// Limits of a request that Node's HTTP server enforces before any handler
// runs. Left to Node, a URL past its 16 KB of headers gets a bare 431 and the
// connection closed while the client is still sending, which the client sees
// as a reset. These answers say what was wrong, and let the client finish
// sending before the connection closes, so that it reads them.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** The longest request target (path and query) the app accepts; browsers and proxies stop near here too. */
export const MAX_URL_LENGTH = 8 * 1024;

type Refusal = 400 | 414 | 431;
const REASONS: Record<Refusal, string> = { 400: "Bad Request", 414: "URI Too Long", 431: "Request Header Fields Too Large" };
const MESSAGES: Record<Refusal, string> = {
  400: "The request could not be read.",
  414: `The address is too long: at most ${MAX_URL_LENGTH} characters of path and query.`,
  431: "The request's headers are too large.",
};

/** How long a refused connection may keep sending before it is closed regardless. */
const DRAIN_MS = 5_000;

/** Whether the request was answered (414) and must not be handled further. */
export function refuseOversizeUrl(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.url?.length ?? 0) <= MAX_URL_LENGTH) return false;
  const body = `${MESSAGES[414]}\n`;
  res.writeHead(414, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
    "Cache-Control": "no-store",
  });
  res.end(body);
  return true;
}

/**
 * The server's `clientError` listener: a request Node could not parse. A
 * header overflow whose request line never ended within MAX_URL_LENGTH is a
 * URL too long (414); any other overflow is 431, the rest 400.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  let status: Refusal = 400;
  if (error.code === "HPE_HEADER_OVERFLOW") {
    const lineEnd = error.rawPacket ? error.rawPacket.indexOf("\r\n") : -1;
    status = lineEnd === -1 || lineEnd > MAX_URL_LENGTH ? 414 : 431;
  }
  const body = `${MESSAGES[status]}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n${body}`,
  );
  // Read and drop the rest of the request: closing with unread data would reset the connection.
  socket.on("data", () => {});
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}
