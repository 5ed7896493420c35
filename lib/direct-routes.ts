import { redeemEndpoint, redeemMethodNotAllowed } from "@/lib/api/redeem-endpoint";
import { redeemLinkPost } from "@/lib/redemption/link-redeem-post";

export type DirectHandler = (request: Request) => Promise<Response>;

/**
 * The two redemption endpoints, answered by scripts/serve.mjs before a request
 * reaches Next.js. Redemption is the hot path of a busy shop, and Next.js's
 * router alone costs more CPU per request than the whole redemption is allowed
 * (README, Performance). The handlers are the very functions the route files
 * export, so both ways in behave the same; scripts/build.mjs bundles this
 * module next to the app's build.
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

/** The handler for an exact path and method, if this module answers it. */
export function directHandler(pathname: string, method: string): DirectHandler | undefined {
  const methods = Object.hasOwn(directRoutes, pathname) ? directRoutes[pathname] : undefined;
  return methods && Object.hasOwn(methods, method) ? methods[method] : undefined;
}
