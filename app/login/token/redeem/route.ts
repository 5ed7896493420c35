// The server answers this POST itself in production (server/direct-routes.ts);
// Next.js serves it in development and wherever that server is not in front.
export { redeemLinkPost as POST } from "@/lib/redemption/link-redeem-post";
