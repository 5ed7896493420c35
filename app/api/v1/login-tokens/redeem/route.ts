import { ApiError } from "@/lib/api/errors";
import { apiUser } from "@/lib/api/login-tokens";
import { API_ENDPOINTS } from "@/lib/api/schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";
import { redeemLoginToken } from "@/lib/redemption/redeem";

export const POST = withApiKey(API_ENDPOINTS.redeemLoginToken, async ({ body, apiKey, by }) => {
  const result = await redeemLoginToken({
    value: body.token,
    origin: body.referrer ?? null,
    meta: by.meta,
    openSession: false,
    channel: "api",
    // A webshop's server redeems for all its visitors, so failures are counted per key, not per address.
    throttleKey: `apikey:${apiKey.id}`,
  });
  if (result.outcome === "throttled") throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": String(result.retryAfterSeconds) } });
  if (result.outcome === "refused") throw new ApiError("TOKEN_INVALID_OR_EXPIRED");
  const { token } = result;
  return {
    data: {
      tokenId: token.id,
      user: apiUser(token.user),
      extra: token.extra,
      expiresAt: token.expiresAt?.toISOString() ?? null,
      oneTimeUse: token.oneTimeUse,
    },
  };
});

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
