import { putCompany, showCompany } from "@/lib/api/people";
import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const GET = withApiKey(PEOPLE_ENDPOINTS.getCompany, async ({ params }) => ({ data: await showCompany(params.id) }));

export const PUT = withApiKey(PEOPLE_ENDPOINTS.putCompany, async ({ params, body, by }) => ({ data: await putCompany(params.id, body, by) }));

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET", "PUT"]);
export { notAllowed as POST, notAllowed as PATCH, notAllowed as DELETE };
