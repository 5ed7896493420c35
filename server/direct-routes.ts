import { redeemEndpoint, redeemMethodNotAllowed } from "@/lib/api/redeem-endpoint";
import { ApiError } from "@/lib/api/errors";
import { errorResponse, negotiateFormat } from "@/lib/api/respond";
import { refuseRoute, unknownDetail } from "@/lib/api/with-api-key";
import { redeemLinkPost } from "@/lib/redemption/link-redeem-post";

export type DirectHandler = (request: Request) => Promise<Response>;

/**
 * The two redemption endpoints, answered by the server (server/main.ts) before
 * a request reaches Next.js. Redemption is the hot path of a busy shop, and Next.js's
 * router alone costs more CPU per request than the whole redemption is allowed
 * (README, Performance). The handlers are the very functions the route files
 * export, so both ways in behave the same.
 */
const directRoutes: Record<string, Partial<Record<string, DirectHandler>>> = {
  "/login/token/redeem": { POST: redeemLinkPost },
  "/api/v1/login-tokens/redeem": {
    POST: (request) => redeemEndpoint(request, { params: Promise.resolve({}) }),
    GET: redeemMethodNotAllowed,
    PUT: redeemMethodNotAllowed,
    PATCH: redeemMethodNotAllowed,
    DELETE: redeemMethodNotAllowed,
  },
};

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Next.js answers an API path it cannot percent-decode (`/login-tokens/%ZZ`,
// a truncated UTF-8 sequence) with a bare 500 before any handler runs; no
// token or endpoint can have such a name, so it is answered here as not found.
const TOKEN_PATH = /^\/api\/v1\/login-tokens\/[^/]+$/;
const tokenNotFound = refuseRoute("TOKEN_NOT_FOUND");
const endpointNotFound = refuseRoute("NOT_FOUND");

// Next.js rebuilds a request's query through a plain object, which drops a
// parameter named __proto__ before the handler could refuse it; the raw query
// still has it, so it is refused here as every unknown parameter is.
const unknownPrototypeParameter: DirectHandler = async (request) =>
  errorResponse(negotiateFormat(request.headers.get("accept")), new ApiError("VALIDATION_FAILED", { details: [unknownDetail("query", "__proto__")] }));

/** The handler for an exact path and method (and the raw query string), if this module answers it. */
export function directHandler(pathname: string, method: string, search = ""): DirectHandler | undefined {
  if (pathname.startsWith("/api/") && !decodes(pathname)) return TOKEN_PATH.test(pathname) ? tokenNotFound : endpointNotFound;
  if (pathname.startsWith("/api/") && new URLSearchParams(search).has("__proto__")) return unknownPrototypeParameter;
  const methods = Object.hasOwn(directRoutes, pathname) ? directRoutes[pathname] : undefined;
  return methods && Object.hasOwn(methods, method) ? methods[method] : undefined;
}
