import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { punchoutOrderMessage, type CartLine } from "@/lib/punchout/cxml";
import { ociCartFields } from "@/lib/punchout/oci-cart";
import { CART_MAX_QUANTITY, type CartChange, type PunchoutProtocolValue } from "@/lib/punchout/schemas";
import type { RequestMeta } from "@/lib/request-meta";
import { CATALOGUE, findProduct } from "@/lib/shop/catalogue";
import { changeCartItemSql } from "@/lib/sql/change-cart-item";
import { claimPunchoutTransferSql } from "@/lib/sql/claim-punchout-transfer";

/** A shop session opened by a punch-out that has not returned its cart yet. */
export interface ShopPunchout {
  id: string;
  buyerName: string;
  companyName: string;
  protocol: PunchoutProtocolValue;
  returnOrigin: string;
  lines: CartLine[];
}

/** Stored items as cart lines, in catalogue order so the cart reads the same way every time. */
function cartLines(items: { sku: string; quantity: number }[]): CartLine[] {
  const quantities = new Map(items.map((item) => [item.sku, item.quantity]));
  return CATALOGUE.filter((product) => quantities.has(product.sku)).map((product) => ({ product, quantity: quantities.get(product.sku) ?? 0 }));
}

/** The open punch-out a login token started, if the session behind it is one. */
export async function findOpenPunchout(loginTokenId: string): Promise<ShopPunchout | null> {
  const row = await db.punchoutSession.findFirst({
    where: { loginTokenId, transferredAt: null },
    select: {
      id: true,
      protocol: true,
      returnUrl: true,
      buyer: { select: { name: true, company: { select: { name: true } } } },
      cartItems: { select: { sku: true, quantity: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    buyerName: row.buyer.name,
    companyName: row.buyer.company.name,
    protocol: row.protocol,
    returnOrigin: new URL(row.returnUrl).origin,
    lines: cartLines(row.cartItems),
  };
}

/** Applies one cart form to an open punch-out; an unknown product changes nothing. */
export async function changeCart(punchoutId: string, change: CartChange): Promise<void> {
  if (!findProduct(change.sku)) return;
  if (change.intent === "remove" || (change.intent === "set" && change.quantity === 0)) {
    await db.punchoutCartItem.deleteMany({ where: { punchoutSessionId: punchoutId, sku: change.sku } });
    return;
  }
  const replace = change.intent === "set";
  const quantity = replace ? change.quantity : 1;
  await db.$executeRaw(changeCartItemSql(punchoutId, change.sku, quantity, replace, CART_MAX_QUANTITY));
}

/** What the browser posts back to the procurement system. */
export interface CartReturn {
  buyerName: string;
  returnUrl: string;
  /** The OCI ~TARGET frame, or the window itself for cXML. */
  target: string;
  fields: [string, string][];
}

/**
 * Ends the punch-out that a login token started: marks it transferred (once:
 * a second click finds nothing), ends every shop session it opened, and
 * audits the cart, in one transaction; answers the form that carries the cart
 * back. Null when there is no open punch-out with a non-empty cart.
 */
export async function transferPunchoutCart(loginTokenId: string, meta: RequestMeta): Promise<CartReturn | null> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>(claimPunchoutTransferSql(loginTokenId));
    const id = claimed[0]?.id;
    if (!id) return null;
    const session = await tx.punchoutSession.findUniqueOrThrow({
      where: { id },
      select: {
        protocol: true,
        returnUrl: true,
        buyerCookie: true,
        ociTarget: true,
        buyer: { select: { id: true, name: true, cxmlDomain: true, cxmlIdentity: true } },
        cartItems: { select: { sku: true, quantity: true } },
      },
    });
    const lines = cartLines(session.cartItems);
    await tx.shopSession.deleteMany({ where: { loginTokenId } });
    await recordAudit(
      {
        action: "punchout.transferred",
        actor: { type: "VISITOR" },
        meta,
        loginTokenId,
        details: {
          buyerId: session.buyer.id,
          buyer: session.buyer.name,
          protocol: session.protocol,
          returnOrigin: new URL(session.returnUrl).origin,
          items: lines.map(({ product, quantity }) => `${quantity} × ${product.sku}`).join(", "),
        },
      },
      tx,
    );
    const host = new URL(env().APP_URL).host;
    const fields: [string, string][] =
      session.protocol === "OCI"
        ? ociCartFields(lines, session.ociTarget ?? "_top")
        : [
            [
              "cxml-urlencoded",
              punchoutOrderMessage({
                host,
                buyer: { domain: session.buyer.cxmlDomain ?? "", identity: session.buyer.cxmlIdentity ?? "" },
                buyerCookie: session.buyerCookie ?? "",
                lines,
              }),
            ],
          ];
    return {
      buyerName: session.buyer.name,
      returnUrl: session.returnUrl,
      target: session.protocol === "OCI" ? (session.ociTarget ?? "_top") : "_self",
      fields,
    };
  });
}
