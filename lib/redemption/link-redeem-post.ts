import "server-only";
import { LINK_FORM_LIMIT_BYTES } from "@/lib/body-limits";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { logger } from "@/lib/logger";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { checkPageProof } from "@/lib/redemption/page-proof";
import { formFields, redeemFormSchema, type RedeemFormInput } from "@/lib/redemption/schemas";
import { throttledResponse, unavailableResponse } from "@/lib/redemption/throttled-response";
import { requestMetaFrom } from "@/lib/request-meta";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";
import { endShopSession, shopSessionSetCookie, shopSessionValueFrom } from "@/lib/shop/session-cookie";
import { safeRelativePath } from "@/lib/utils";

const FIELDS = ["t", "proof", "redirect"] as const;

/** A relative Location, so the visitor stays on whichever host they used, and the token leaves the address bar. */
function seeOther(path: string, setCookie?: string): Response {
  const headers = new Headers({ Location: path, "Cache-Control": "no-store" });
  if (setCookie) headers.set("Set-Cookie", setCookie);
  return new Response(null, { status: 303, headers });
}

const refused = () => seeOther("/login/token/invalid");

/**
 * The continue page again, with a fresh proof: the answer to a POST that no
 * person's click on a rendered page sent (no proof, a forged, stale, replayed
 * or too young one). Nothing was consumed or counted, so a person who was
 * only too quick just clicks once more.
 */
function continuePageAgain(input: RedeemFormInput): Response {
  const query = new URLSearchParams({ t: input.t, ...(input.redirect ? { redirect: input.redirect } : {}) });
  return seeOther(`/login/token?${query}`);
}

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** The continue page's form is URL-encoded; a body of any other type, or too large, is not from it. */
async function readForm(request: Request): Promise<URLSearchParams | null> {
  if (!FORM_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) return null;
  if (Number(request.headers.get("content-length") ?? 0) > LINK_FORM_LIMIT_BYTES) return null;
  const body = await request.text().catch(() => null);
  return body === null || body.length > LINK_FORM_LIMIT_BYTES ? null : new URLSearchParams(body);
}

/**
 * The continue page's POST: the only request that redeems a login link.
 * Written against the Fetch API alone, so that the server can answer it
 * without Next.js's router (server/direct-routes.ts) and the route handler can
 * be this same function. Its answers keep out of Referers like every page
 * under /login/token (REDEEM_PATH in lib/security/headers.ts).
 */
export async function redeemLinkPost(request: Request): Promise<Response> {
  try {
    return await redeemLinkPostOrThrow(request);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn("login link redemption: the database is unavailable");
    return unavailableResponse();
  }
}

async function redeemLinkPostOrThrow(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const form = await readForm(request);
  const input = form ? redeemFormSchema.safeParse(formFields(form, FIELDS)) : null;
  if (!input?.success) return refused();

  const meta = requestMetaFrom(request.headers);
  const proof = checkPageProof(input.data.proof, input.data.t);
  logger.debug({ pageProof: proof.valid ? "valid" : proof.why }, "login link redemption requested");
  if (!proof.valid) {
    logger.info({ ip: meta.ip, pageProof: proof.why }, "login link sent without a usable page proof");
    return continuePageAgain(input.data);
  }
  const result = await redeemLoginToken({
    value: input.data.t,
    origin: proof.origin,
    meta,
    openSession: true,
    channel: "link",
    throttleKey: `ip:${meta.ip ?? "unknown"}`,
    pageProof: { nonce: proof.nonce, expiresAt: proof.expiresAt },
  });

  if (result.outcome === "replayed") {
    logger.info({ ip: meta.ip }, "login link page proof replayed");
    return continuePageAgain(input.data);
  }

  if (result.outcome === "throttled") {
    logger.warn({ ip: meta.ip, retryAfterSeconds: result.retryAfterSeconds }, "login link throttled");
    return throttledResponse(result.retryAfterSeconds);
  }
  // A login link carries no API key, so "unauthenticated" cannot happen; refused either way.
  if (result.outcome === "refused" || result.outcome === "unauthenticated") {
    logger.info({ ip: meta.ip }, "login link refused");
    return refused();
  }
  const { token, session } = result;
  if (!session) throw new Error("A login link redemption opened no webshop session");

  logger.info({ tokenId: token.id, ip: meta.ip }, "login link redeemed");
  // A sign-in never continues an existing session (no fixation): the old one ends here.
  await endShopSession(shopSessionValueFrom(request.headers));
  return seeOther(safeRelativePath(token.redirectPath, safeRelativePath(input.data.redirect, "/shop")), shopSessionSetCookie(session));
}
