import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";
import { endShopSession, shopSessionCookie } from "@/lib/shop/session";

/** Sign out of the webshop: the session row goes, so the cookie is worthless even if it was copied. */
export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const cookie = shopSessionCookie();
  await endShopSession(request.cookies.get(cookie.name)?.value);
  const response = new NextResponse(null, { status: 303, headers: { Location: "/shop", "Cache-Control": "no-store" } });
  response.cookies.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  return response;
}
