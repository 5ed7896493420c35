import { openApiDocument } from "@/lib/api/openapi";
import { refuseRoute } from "@/lib/api/with-api-key";
import { env } from "@/lib/env";

// Built at request time: the server URL in the document comes from the runtime configuration.
export const dynamic = "force-dynamic";

/** Public, like any API's documentation: it describes the contract and holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument(env().APP_URL), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
