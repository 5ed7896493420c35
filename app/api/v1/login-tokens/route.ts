import { env } from "@/lib/env";
import { createLoginTokenForApi, listLoginTokensForApi } from "@/lib/api/login-tokens";
import { API_ENDPOINTS } from "@/lib/api/endpoint-registry";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const POST = withApiKey(API_ENDPOINTS.createLoginToken, async ({ body, by }) => {
  const created = await createLoginTokenForApi(body, by);
  return { data: created, headers: { Location: new URL(`/api/v1/login-tokens/${created.id}`, env().APP_URL).toString() } };
});

export const GET = withApiKey(API_ENDPOINTS.listLoginTokens, async ({ query }) => ({ data: await listLoginTokensForApi(query) }));

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
