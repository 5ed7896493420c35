import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { handleCxmlSetup } from "@/lib/punchout/cxml-setup";
import { createTestBuyer, cxmlFixture, RETURN_ORIGIN, testAddress } from "@/lib/punchout/punchout-test-kit";
import { changeCart, findOpenPunchout, transferPunchoutCart } from "@/lib/punchout/shop";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";

const meta = () => ({ ip: testAddress(), userAgent: "vitest" });

/** A cXML punch-out signed in through its StartPage, as the browser would. */
async function signedInPunchout() {
  const buyer = await createTestBuyer("CXML");
  const cookie = unique("requisition");
  const body = cxmlFixture("setup-request-plain", {
    IDENTITY: buyer.input.protocol === "CXML" ? buyer.input.cxmlIdentity : "",
    DOMAIN: "NetworkID",
    SECRET: buyer.secret,
    COOKIE: cookie,
    RETURN_URL: `${RETURN_ORIGIN}/cxml/return`,
  });
  const answer = await (
    await handleCxmlSetup(
      new Request("http://localhost:3999/punchout/cxml/setup", {
        method: "POST",
        headers: { "content-type": "text/xml", "x-forwarded-for": testAddress() },
        body,
      }),
    )
  ).text();
  const startPage = new XMLParser().parse(answer).cXML.Response.PunchOutSetupResponse.StartPage.URL as string;
  const redeemed = await redeemLoginToken({
    value: new URL(startPage).searchParams.get("t"),
    origin: null,
    meta: meta(),
    openSession: true,
    channel: "link",
    throttleKey: unique("t"),
  });
  if (redeemed.outcome !== "redeemed") throw new Error("StartPage did not redeem");
  return { buyer, cookie, tokenId: redeemed.token.id };
}

describe("a punch-out's cart", () => {
  it("counts adds, sets and removes, and transfers once as a PunchOutOrderMessage that ends the session", async () => {
    const { buyer, cookie, tokenId } = await signedInPunchout();
    const open = await findOpenPunchout(tokenId);
    expect(open).toMatchObject({ buyerName: buyer.name, companyName: expect.any(String), protocol: "CXML", lines: [] });
    await changeCart(open!.id, { intent: "add", sku: "GLV-NIT-100" });
    await changeCart(open!.id, { intent: "add", sku: "GLV-NIT-100" });
    await changeCart(open!.id, { intent: "set", sku: "PAP-A4-5R", quantity: 3 });
    await changeCart(open!.id, { intent: "add", sku: "BOX-SHP-25" });
    await changeCart(open!.id, { intent: "remove", sku: "BOX-SHP-25" });
    await changeCart(open!.id, { intent: "add", sku: "NOT-IN-CATALOGUE" });
    expect((await findOpenPunchout(tokenId))!.lines.map((line) => [line.product.sku, line.quantity])).toEqual([
      ["GLV-NIT-100", 2],
      ["PAP-A4-5R", 3],
    ]);

    const cart = await transferPunchoutCart(tokenId, meta());
    expect(cart).toMatchObject({ returnUrl: `${RETURN_ORIGIN}/cxml/return`, target: "_self" });
    expect(cart!.fields.map(([name]) => name)).toEqual(["cxml-urlencoded"]);
    const message = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false }).parse(cart!.fields[0]![1]).cXML;
    expect(message.payloadID).toMatch(/@localhost:3999$/);
    const order = message.Message.PunchOutOrderMessage;
    expect(order.BuyerCookie).toBe(cookie);
    expect(order.PunchOutOrderMessageHeader.Total.Money).toEqual({ "#text": "99.70", currency: "EUR" });
    expect(order.ItemIn).toEqual([
      expect.objectContaining({ quantity: "2", ItemID: { SupplierPartID: "GLV-NIT-100" } }),
      expect.objectContaining({ quantity: "3", ItemID: { SupplierPartID: "PAP-A4-5R" } }),
    ]);
    expect(order.ItemIn[0].ItemDetail).toEqual({
      UnitPrice: { Money: { "#text": "12.50", currency: "EUR" } },
      Description: { "#text": "Nitrile gloves, box of 100", "xml:lang": "en" },
      UnitOfMeasure: "BX",
      Classification: { "#text": "46181504", domain: "UNSPSC" },
    });

    expect(await testDb.shopSession.count({ where: { loginTokenId: tokenId } })).toBe(0);
    expect(await findOpenPunchout(tokenId)).toBeNull();
    expect(await transferPunchoutCart(tokenId, meta())).toBeNull();
    const audit = await testDb.auditEvent.findMany({ where: { action: "punchout.transferred", loginTokenId: tokenId }, select: { details: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ buyerId: buyer.id, items: "2 × GLV-NIT-100, 3 × PAP-A4-5R" });
  });

  it("does not transfer an empty cart", async () => {
    const { tokenId } = await signedInPunchout();
    expect(await transferPunchoutCart(tokenId, meta())).toBeNull();
    expect(await findOpenPunchout(tokenId)).not.toBeNull();
  });
});
