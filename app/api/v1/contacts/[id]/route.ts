import { deactivateForApi, putContact, showContact } from "@/lib/api/people";
import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { refuseRoute, withApiKey } from "@/lib/api/with-api-key";

export const GET = withApiKey(PEOPLE_ENDPOINTS.getContact, async ({ params }) => ({ data: await showContact(params.id) }));

export const PUT = withApiKey(PEOPLE_ENDPOINTS.putContact, async ({ params, body, by }) => ({ data: await putContact(params.id, body, by) }));

export const DELETE = withApiKey(PEOPLE_ENDPOINTS.deactivateContact, async ({ params, by }) => {
  await deactivateForApi("contact", params.id, by);
});

const notAllowed = refuseRoute("METHOD_NOT_ALLOWED", ["GET", "PUT", "DELETE"]);
export { notAllowed as POST, notAllowed as PATCH };
