import { refuseRoute } from "@/lib/api/with-api-key";

// Any path under /api/v1 that no route claims answers in the catalogue's shape, not with an HTML page.
const notFound = refuseRoute("NOT_FOUND");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
