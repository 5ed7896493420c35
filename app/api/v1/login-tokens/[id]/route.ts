import { ApiError } from "@/lib/api/errors";
import { findLoginTokenForApi } from "@/lib/api/login-tokens";
import { API_ENDPOINTS } from "@/lib/api/endpoint-registry";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";
import { deleteLoginTokens } from "@/lib/login-tokens/mutations";

export const GET = withApiKey(API_ENDPOINTS.getLoginToken, async ({ params }) => ({ data: await findLoginTokenForApi(params.id) }));

export const DELETE = withApiKey(API_ENDPOINTS.deleteLoginToken, async ({ params, by }) => {
  const deleted = await deleteLoginTokens([params.id], by);
  if (deleted === 0) throw new ApiError("TOKEN_NOT_FOUND");
});

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
