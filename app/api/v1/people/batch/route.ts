import { upsertBatchForApi } from "@/lib/api/people";
import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const POST = withApiKey(PEOPLE_ENDPOINTS.upsertPeopleBatch, async ({ body, by }) => ({ data: await upsertBatchForApi(body.items, by) }));

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
