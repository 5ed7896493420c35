import { NextResponse, type NextRequest } from "next/server";
import { throttledResponse } from "@/app/login/token/redeem/throttled-response";
import { logger } from "@/lib/logger";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { verifyReferrerProof } from "@/lib/redemption/referrer-proof";
import { formFields, redeemFormSchema } from "@/lib/redemption/schemas";
import { requestMetaFrom } from "@/lib/request-meta";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";
import { endShopSession, shopSessionCookie } from "@/lib/shop/session";
import { safeRelativePath } from "@/lib/utils";

// A form with three short fields; anything much larger is not our continue page.
const MAX_BODY_BYTES = 8_192;
const FIELDS = ["t", "proof", "redirect"] as const;

/** A relative Location, so the visitor stays on whichever host they used, and the token leaves the address bar. */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

const refused = () => seeOther("/login/token/invalid");

async function readForm(request: NextRequest): Promise<FormData | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  return request.formData().catch(() => null);
}

/**
 * The continue page's POST: the only request that redeems a login link.
 * Proxy.ts leaves it alone; scripts/serve.mjs gives its answers
 * Referrer-Policy: no-referrer like every page under /login/token.
 */
export async function POST(request: NextRequest) {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const form = await readForm(request);
  const input = form ? redeemFormSchema.safeParse(formFields(form, FIELDS)) : null;
  if (!input?.success) return refused();

  const meta = requestMetaFrom(request.headers);
  const origin = verifyReferrerProof(input.data.proof, input.data.t);
  logger.debug({ withProof: input.data.proof !== undefined, proofValid: origin !== null }, "login link redemption requested");
  const result = await redeemLoginToken({
    value: input.data.t,
    origin,
    meta,
    openSession: true,
    channel: "link",
    throttleKey: `ip:${meta.ip ?? "unknown"}`,
  });

  if (result.outcome === "throttled") {
    logger.warn({ ip: meta.ip, retryAfterSeconds: result.retryAfterSeconds }, "login link throttled");
    return throttledResponse(result.retryAfterSeconds);
  }
  if (result.outcome === "refused") {
    logger.info({ ip: meta.ip }, "login link refused");
    return refused();
  }
  const { token, session } = result;
  if (!session) throw new Error("A login link redemption opened no webshop session");

  logger.info({ tokenId: token.id, ip: meta.ip }, "login link redeemed");
  const cookie = shopSessionCookie();
  // A sign-in never continues an existing session (no fixation): the old one ends here.
  await endShopSession(request.cookies.get(cookie.name)?.value);
  const response = seeOther(safeRelativePath(token.redirectPath, safeRelativePath(input.data.redirect, "/shop")));
  response.cookies.set(cookie.name, session.cookieValue, { ...cookie.options, expires: session.expiresAt });
  return response;
}
