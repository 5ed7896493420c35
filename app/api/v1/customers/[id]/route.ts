import { deactivateForApi, putCustomer, showCustomer } from "@/lib/api/people";
import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const GET = withApiKey(PEOPLE_ENDPOINTS.getCustomer, async ({ params }) => ({ data: await showCustomer(params.id) }));

export const PUT = withApiKey(PEOPLE_ENDPOINTS.putCustomer, async ({ params, body, by }) => ({ data: await putCustomer(params.id, body, by) }));

export const DELETE = withApiKey(PEOPLE_ENDPOINTS.deactivateCustomer, async ({ params, by }) => {
  await deactivateForApi("customer", params.id, by);
});

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET", "PUT", "DELETE"]);
export { notAllowed as POST, notAllowed as PATCH };
