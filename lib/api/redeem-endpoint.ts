import "server-only";
import { apiUser } from "@/lib/api/api-user";
import { ApiError } from "@/lib/api/errors";
import { API_ENDPOINTS } from "@/lib/api/endpoint-registry";
import { refuseRoute, withPresentedApiKey } from "@/lib/api/with-api-key";
import { redeemLoginToken } from "@/lib/redemption/redeem";

/**
 * POST /api/v1/login-tokens/redeem, for the route handler and for
 * the server (server/direct-routes.ts) alike. The redemption statement
 * checks the API key itself (withPresentedApiKey): one round trip, not two.
 */
export const redeemEndpoint = withPresentedApiKey(API_ENDPOINTS.redeemLoginToken, async ({ body, presentedKey, meta }) => {
  const result = await redeemLoginToken({
    value: body.token,
    origin: body.referrer ?? null,
    meta,
    openSession: false,
    channel: "api",
    apiKeyHash: presentedKey.hash,
    // A webshop's server redeems for all its visitors, so failures are counted per key, not per address.
    throttleKey: `apikey:${Buffer.from(presentedKey.hash).toString("hex", 0, 16)}`,
  });
  if (result.outcome === "unauthenticated") throw new ApiError("API_KEY_INVALID");
  if (result.outcome === "throttled") throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": String(result.retryAfterSeconds) } });
  // The API carries no page proof, so "replayed" cannot happen; refused either way.
  if (result.outcome === "refused" || result.outcome === "replayed") throw new ApiError("TOKEN_INVALID_OR_EXPIRED");
  const { token } = result;
  return {
    data: { tokenId: token.id, user: apiUser(token.user), extra: token.extra, expiresAt: token.expiresAt?.toISOString() ?? null, oneTimeUse: token.oneTimeUse },
  };
});

export const redeemMethodNotAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["POST"]);
