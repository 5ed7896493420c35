import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";
import { endShopSession, shopSessionSetCookie, shopSessionValueFrom } from "@/lib/shop/session-cookie";

/** Sign out of the webshop: the session row goes, so the cookie is worthless even if it was copied. */
export async function POST(request: Request) {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  await endShopSession(shopSessionValueFrom(request.headers));
  return new Response(null, { status: 303, headers: { Location: "/shop", "Cache-Control": "no-store", "Set-Cookie": shopSessionSetCookie(null) } });
}
