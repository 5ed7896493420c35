import { NextResponse, type NextRequest } from "next/server";
import { actionRequestRefusal } from "@/lib/security/action-request";
import { contentSecurityPolicy } from "@/lib/security/csp";

// Pages get a fresh nonce per response; Next.js reads it from the request's
// Content-Security-Policy header and puts it on the scripts it renders.
// Baseline headers for every response (API and assets too) are set by scripts/serve.mjs.
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
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Login link and set-password pages carry the secret in their URL: no Referer
  // may take it elsewhere, and no cache may keep the page or a redemption's answer.
  if (request.nextUrl.pathname.startsWith("/login/token") || request.nextUrl.pathname.startsWith("/set-password/")) {
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("Cache-Control", "no-store");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // The login link's redeem POST gets its headers from scripts/serve.mjs (REDEEM_PATH); the
      // punch-out transfer page sets its own policy (its form posts to the buyer's origin).
      source: "/((?!api/|login/token/redeem|shop/punchout/transfer|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
