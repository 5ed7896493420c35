import type { IncomingMessage } from "node:http";

/**
 * The client's address: the entry `hops` places from the right of
 * X-Forwarded-For followed by the socket's address. Entries further left were
 * written by the client and prove nothing.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string {
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
    socketAddress ?? "",
  ];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "";
}

/**
 * Next.js keeps whatever X-Forwarded-For a client sends, which would let
 * anyone choose the address the throttles count; the request's header is
 * replaced with the one address `hops` says to trust, which is all the app
 * reads (lib/request-meta.ts).
 */
export function settleClientAddress(req: IncomingMessage, hops: number): void {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = clientAddress(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress?.replace(/^::ffff:/, ""),
    hops,
  );
}
