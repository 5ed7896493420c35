// The server answers this path itself in production (server/direct-routes.ts);
// Next.js serves it in development and wherever that server is not in front.
import { redeemEndpoint, redeemMethodNotAllowed } from "@/lib/api/redeem-endpoint";

export { redeemEndpoint as POST };
export { redeemMethodNotAllowed as GET, redeemMethodNotAllowed as PUT, redeemMethodNotAllowed as PATCH, redeemMethodNotAllowed as DELETE };
