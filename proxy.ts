import { NextResponse, type NextRequest } from "next/server";
import { actionRequestRefusal } from "@/lib/security/action-request";
import { contentSecurityPolicy, pageHeaders, POLICY_HEADER } from "@/lib/security/headers";

// Pages get a fresh nonce per response; Next.js reads it from the request's
// policy header and puts it on the scripts it renders. The baseline headers
// of every response (API and assets too) are set by the server (server/main.ts).
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = await actionRequestRefusal(request);
    if (refusal) return refusal;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Layouts are not told their URL; the shell needs it to send a signed-out visitor back after sign-in.
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set(POLICY_HEADER, csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(pageHeaders(request.nextUrl.pathname, csp))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // The login link's redeem POST gets its headers from the server (REDEEM_PATH); the
      // punch-out transfer page sets its own policy (its form posts to the buyer's origin).
      source: "/((?!api/|login/token/redeem|shop/punchout/transfer|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
