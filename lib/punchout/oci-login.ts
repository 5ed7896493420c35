import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { readBodyWithin } from "@/lib/punchout/read-body";
import { allowedReturnUrl } from "@/lib/punchout/return-url";
import { authenticatedBuyerSelect, recordPunchoutRefusal, startPunchout } from "@/lib/punchout/start";
import { punchoutRetryAfter, recordPunchoutFailure } from "@/lib/punchout/throttle";
import { throttledResponse } from "@/lib/redemption/throttled-response";
import { requestMetaFrom, type RequestMeta } from "@/lib/request-meta";
import { NO_REFERRER } from "@/lib/security/headers";

// An OCI login is a handful of short fields.
const MAX_FORM_BYTES = 16_384;
const MAX_FIELDS = 100;
const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
/** A frame name, or one of the browser's own targets; anything else falls back to OCI's default. */
const TARGET_PATTERN = /^(?:_top|_parent|_self|_blank|[A-Za-z][A-Za-z0-9_-]{0,63})$/;
export const DEFAULT_OCI_TARGET = "_top";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...NO_REFERRER } });
}

async function refuse(reason: string, meta: RequestMeta, buyer?: { id: string; name: string }): Promise<Response> {
  await recordPunchoutFailure(meta.ip);
  await recordPunchoutRefusal({ protocol: "OCI", reason, buyer }, meta);
  logger.info({ ip: meta.ip, reason, buyerId: buyer?.id ?? null }, "OCI punch-out login refused");
  // One page for every refusal, so the answer tells a guesser nothing.
  return seeOther("/punchout/refused");
}

async function fieldsOf(request: Request): Promise<URLSearchParams | null> {
  if (request.method === "GET") return new URL(request.url).searchParams;
  if (!FORM_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) return null;
  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  return body === null ? null : new URLSearchParams(body);
}

/**
 * GET or POST /punchout/oci: a procurement system's OCI catalogue call. The
 * buyer is found by its username under the field name it was configured
 * with, its password checked under its own field name, and HOOK_URL must be
 * on one of its return origins. Success hands the browser the one-time start
 * link (the ordinary login link's continue page); every refusal is the same page.
 */
export async function handleOciLogin(request: Request): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  const retryAfter = await punchoutRetryAfter(meta.ip);
  if (retryAfter !== null) return throttledResponse(retryAfter);

  const fields = await fieldsOf(request);
  if (!fields) return refuse("not an OCI login form", meta);
  const pairs = [...fields].slice(0, MAX_FIELDS).filter(([, value]) => value.length > 0 && value.length <= 100);
  const candidates = pairs.length
    ? await db.punchoutBuyer.findMany({
        where: { protocol: "OCI", ociUsername: { in: pairs.map(([, value]) => value) } },
        select: { ...authenticatedBuyerSelect, ociUsername: true, ociUsernameField: true, ociPasswordField: true },
        take: MAX_FIELDS,
      })
    : [];
  // A username counts only under the field name that buyer was configured with.
  const matches = candidates.filter((buyer) => fields.getAll(buyer.ociUsernameField ?? "").includes(buyer.ociUsername ?? ""));
  const candidate = matches.length === 1 ? matches[0] : undefined;
  const password = candidate?.ociPasswordField ? (fields.get(candidate.ociPasswordField) ?? "") : "";
  // Unknown usernames are verified against a decoy, so the answer's timing names no buyer.
  const authentic = await verifyPassword(candidate?.secretHash ?? null, password);
  if (!candidate || !authentic) return refuse(candidate ? "wrong password" : "unknown username", meta, candidate);
  const buyer = { id: candidate.id, name: candidate.name, protocol: candidate.protocol, companyName: candidate.company.name, contact: candidate.contact };
  if (candidate.disabledAt) return refuse("buyer disabled", meta, buyer);

  const returnUrl = allowedReturnUrl(fields.get("HOOK_URL"), candidate.returnOrigins);
  if (!returnUrl) return refuse("HOOK_URL not allowed", meta, buyer);
  const requestedTarget = fields.get("~TARGET") ?? fields.get("~target") ?? "";
  const ociTarget = TARGET_PATTERN.test(requestedTarget) ? requestedTarget : DEFAULT_OCI_TARGET;

  const started = await startPunchout({ buyer, returnUrl, buyerCookie: null, ociTarget, extrinsics: null, meta });
  if (!started) return refuse("buyer disabled", meta, buyer);
  logger.info({ buyerId: buyer.id, tokenId: started.tokenId, ip: meta.ip }, "OCI punch-out started");
  // Relative, so the browser stays on whichever host it used.
  const loginUrl = new URL(started.loginUrl);
  return seeOther(loginUrl.pathname + loginUrl.search);
}
