import { listCompaniesForApi } from "@/lib/api/people";
import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const GET = withApiKey(PEOPLE_ENDPOINTS.listCompanies, async ({ query }) => ({ data: await listCompaniesForApi(query) }));

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
