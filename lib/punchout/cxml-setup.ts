import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { CXML_MAX_BYTES, cxmlStatusDocument, parsePunchoutSetupRequest, punchoutSetupResponse, type CxmlStatusCode } from "@/lib/punchout/cxml";
import { readBodyWithin } from "@/lib/punchout/read-body";
import { allowedReturnUrl } from "@/lib/punchout/return-url";
import { authenticatedBuyerSelect, recordPunchoutRefusal, startPunchout } from "@/lib/punchout/start";
import { punchoutRetryAfter, recordPunchoutFailure } from "@/lib/punchout/throttle";
import { requestMetaFrom, type RequestMeta } from "@/lib/request-meta";

const XML_CONTENT_TYPE = /^(?:text|application)\/xml\s*(?:;|$)/i;

// The HTTP status follows the cXML code, which follows HTTP's own; 450 has no HTTP twin and travels as 501.
const httpStatusOf = (code: CxmlStatusCode) => (code === 450 ? 501 : code);

function cxmlAnswer(code: CxmlStatusCode, document: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(document, {
    status: httpStatusOf(code),
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store", ...extraHeaders },
  });
}

// Said only to a caller whose shared secret was right, so it tells a guesser nothing.
const DISABLED_MESSAGE = "Punch-out for this buyer is disabled; ask the supplier to enable it again.";

const appHost = () => new URL(env().APP_URL).host;

async function refuse(code: CxmlStatusCode, message: string, reason: string, meta: RequestMeta, buyer?: { id: string; name: string }): Promise<Response> {
  await recordPunchoutFailure(meta.ip);
  await recordPunchoutRefusal({ protocol: "CXML", reason, buyer }, meta);
  logger.info({ ip: meta.ip, reason, buyerId: buyer?.id ?? null }, "cXML punch-out setup refused");
  return cxmlAnswer(code, cxmlStatusDocument(appHost(), code, message));
}

/**
 * POST /punchout/cxml/setup: a procurement system's PunchOutSetupRequest.
 * Checks, in this order, so that nobody learns more than their credentials
 * allow: the throttle, the document, the Sender's identity and shared
 * secret, the BuyerCookie, the operation, the BrowserFormPost URL. Then mints
 * the one-time start link and answers it as the StartPage. Every answer is a
 * cXML document; every refusal counts against the caller's address and is audited.
 */
export async function handleCxmlSetup(request: Request): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  try {
    const retryAfter = await punchoutRetryAfter(meta.ip);
    if (retryAfter !== null) {
      return cxmlAnswer(429, cxmlStatusDocument(appHost(), 429, `Too many failed punch-out requests; retry in ${retryAfter} seconds.`), {
        "Retry-After": String(retryAfter),
      });
    }
    if (!XML_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) {
      return refuse(400, "Send the PunchOutSetupRequest as text/xml.", "wrong content type", meta);
    }
    const body = await readBodyWithin(request, CXML_MAX_BYTES);
    if (body === null) return refuse(400, "The document is larger than 256 KB.", "document too large", meta);
    const parsed = parsePunchoutSetupRequest(body);
    if (!parsed.ok) return refuse(400, "The document is not a well-formed cXML PunchOutSetupRequest.", parsed.reason, meta);
    const setup = parsed.request;

    const sender = setup.sender;
    const candidate = sender?.identity
      ? await db.punchoutBuyer.findFirst({
          where: { protocol: "CXML", cxmlDomain: sender.domain.toLowerCase(), cxmlIdentity: sender.identity },
          select: authenticatedBuyerSelect,
        })
      : null;
    // Unknown identities are verified against a decoy, so the answer's timing names no buyer.
    const authentic = await verifyPassword(candidate?.secretHash ?? null, sender?.sharedSecret ?? "");
    if (!candidate || !authentic) {
      return refuse(
        401,
        "The Sender's credential or shared secret was not accepted.",
        candidate ? "wrong shared secret" : "unknown sender identity",
        meta,
        candidate ?? undefined,
      );
    }
    const buyer = { id: candidate.id, name: candidate.name, protocol: candidate.protocol, companyName: candidate.company.name, contact: candidate.contact };
    if (candidate.disabledAt) return refuse(403, DISABLED_MESSAGE, "buyer disabled", meta, buyer);

    if (!setup.buyerCookie) return refuse(400, "The PunchOutSetupRequest has no BuyerCookie.", "missing BuyerCookie", meta, buyer);
    if (setup.buyerCookie.length > 500) return refuse(400, "The BuyerCookie is longer than 500 characters.", "BuyerCookie too long", meta, buyer);
    if (setup.operation === "edit" || setup.operation === "inspect") {
      return refuse(
        450,
        `The ${setup.operation} operation is not supported; start a new punch-out with operation="create".`,
        `operation ${setup.operation}`,
        meta,
        buyer,
      );
    }
    if (setup.operation !== "create") return refuse(400, 'The operation must be "create".', "unknown operation", meta, buyer);
    const returnUrl = allowedReturnUrl(setup.browserFormPostUrl, candidate.returnOrigins);
    if (!returnUrl) return refuse(403, "The BrowserFormPost URL is not one of this buyer's allowed return origins.", "return URL not allowed", meta, buyer);

    const extrinsics = Object.keys(setup.extrinsics).length > 0 ? setup.extrinsics : null;
    const started = await startPunchout({ buyer, returnUrl, buyerCookie: setup.buyerCookie, ociTarget: null, extrinsics, meta });
    if (!started) return refuse(403, DISABLED_MESSAGE, "buyer disabled", meta, buyer);
    logger.info({ buyerId: buyer.id, tokenId: started.tokenId, ip: meta.ip }, "cXML punch-out started");
    return cxmlAnswer(200, punchoutSetupResponse(appHost(), started.loginUrl));
  } catch (error) {
    logger.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "cXML punch-out setup failed");
    return cxmlAnswer(500, cxmlStatusDocument(appHost(), 500, "The request could not be processed; nothing was changed. Please retry."));
  }
}
