import "server-only";
import { logger } from "@/lib/logger";
import { readBodyWithin } from "@/lib/punchout/read-body";
import { cartChangeSchema } from "@/lib/punchout/schemas";
import { changeCart, findOpenPunchout, transferPunchoutCart } from "@/lib/punchout/shop";
import { transferPageResponse } from "@/lib/punchout/transfer-page";
import { formFields } from "@/lib/redemption/schemas";
import { requestMetaFrom } from "@/lib/request-meta";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";
import { findShopVisitor } from "@/lib/shop/session";
import { shopSessionSetCookie, shopSessionValueFrom } from "@/lib/shop/session-cookie";

const MAX_FORM_BYTES = 2_048;

const backToShop = (setCookie?: string) =>
  new Response(null, { status: 303, headers: { Location: "/shop", "Cache-Control": "no-store", ...(setCookie ? { "Set-Cookie": setCookie } : {}) } });

/** The visitor's shop session and the punch-out it belongs to, for a POST from the shop's own pages. */
async function punchoutOf(request: Request) {
  const visitor = await findShopVisitor(shopSessionValueFrom(request.headers));
  if (!visitor) return null;
  const punchout = await findOpenPunchout(visitor.tokenId);
  return punchout ? { visitor, punchout } : null;
}

/** POST /shop/cart: one plain form per button (add, set quantity, remove), so the cart works without script. */
export async function handleCartChange(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  const change = body === null ? null : cartChangeSchema.safeParse(formFields(new URLSearchParams(body), ["intent", "sku", "quantity"]));
  const open = await punchoutOf(request);
  if (open && change?.success) await changeCart(open.punchout.id, change.data);
  return backToShop();
}

/**
 * POST /shop/punchout/transfer: "Transfer cart". Ends the punch-out and its
 * session and answers the page that carries the cart back; a second click,
 * an empty cart or no punch-out go back to the shop.
 */
export async function handleCartTransfer(request: Request): Promise<Response> {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const open = await punchoutOf(request);
  const cart = open ? await transferPunchoutCart(open.visitor.tokenId, requestMetaFrom(request.headers)) : null;
  if (!cart) return backToShop();
  logger.info({ tokenId: open?.visitor.tokenId }, "punch-out cart transferred");
  const response = transferPageResponse(cart);
  response.headers.set("Set-Cookie", shopSessionSetCookie(null));
  return response;
}
