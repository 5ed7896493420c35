import { describe, expect, it, vi } from "vitest";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { findShopVisitor } from "@/lib/shop/session";
import { endShopSession, shopSessionCookie, shopSessionSetCookie, shopSessionValueFrom } from "@/lib/shop/session-cookie";
import { testDb } from "@/test/db";
import { createContact, createStaff, createToken, unique } from "@/test/factories";

async function openSession(token: { value: string }) {
  const result = await redeemLoginToken({
    value: token.value,
    origin: null,
    meta: { ip: "192.0.2.10", userAgent: "vitest" },
    openSession: true,
    channel: "link",
    throttleKey: unique("ip"),
  });
  if (result.outcome !== "redeemed" || !result.session) throw new Error("the token did not redeem");
  return result.session.cookieValue;
}

describe("the webshop session", () => {
  it("names the contact, their company, the token and the staff member who opened it", async () => {
    const contact = await createContact({ firstName: "Cora" });
    const staff = await createStaff("editor");
    const token = await createToken({ contactId: contact.id, createdByStaffId: staff.id });
    await testDb.loginToken.update({ where: { id: token.id }, data: { reason: "Checking a price complaint" } });
    const visitor = await findShopVisitor(await openSession(token));
    const company = await testDb.company.findUniqueOrThrow({ where: { id: contact.companyId } });
    expect(visitor).toMatchObject({
      kind: "CONTACT",
      name: `Cora ${contact.lastName}`,
      email: contact.email,
      company: company.name,
      tokenId: token.id,
      openedByStaff: staff.name,
      reason: "Checking a price complaint",
      impersonationMinutesLeft: 60,
    });
  });

  it("is anonymous for a token without a user, and unknown for any other cookie value", async () => {
    const cookie = await openSession(await createToken());
    expect(await findShopVisitor(cookie)).toMatchObject({ kind: "ANONYMOUS", name: null, company: null, openedByStaff: null, impersonationMinutesLeft: null });
    expect(await findShopVisitor(`${cookie.slice(1)}x`)).toBeNull();
    expect(await findShopVisitor(undefined)).toBeNull();
  });

  it("ends when it expires or is signed out", async () => {
    const token = await createToken();
    const cookie = await openSession(token);
    await testDb.shopSession.updateMany({ where: { loginTokenId: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findShopVisitor(cookie)).toBeNull();

    const other = await openSession(await createToken());
    await endShopSession(other);
    expect(await findShopVisitor(other)).toBeNull();
  });
});

describe("the webshop session cookie", () => {
  it("is httpOnly and SameSite=Lax, and not Secure on plain-HTTP development", () => {
    expect(shopSessionCookie()).toEqual({ name: "latchkey-shop", options: { httpOnly: true, sameSite: "lax", secure: false, path: "/" } });
  });

  it("is handed out with its expiry, read back from the Cookie header, and taken away with Max-Age=0", () => {
    const expiresAt = new Date("2030-01-02T03:04:05Z");
    const given = shopSessionSetCookie({ cookieValue: "abc_DEF-123", expiresAt });
    expect(given).toBe("latchkey-shop=abc_DEF-123; Path=/; Expires=Wed, 02 Jan 2030 03:04:05 GMT; HttpOnly; SameSite=Lax");
    expect(shopSessionValueFrom(new Headers({ cookie: "other=1; latchkey-shop=abc_DEF-123; more=2" }))).toBe("abc_DEF-123");
    expect(shopSessionValueFrom(new Headers())).toBeUndefined();
    expect(shopSessionSetCookie(null)).toBe("latchkey-shop=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
  });

  it("is Secure and pinned to the host when the app is served over HTTPS", async () => {
    const appUrl = process.env.APP_URL;
    process.env.APP_URL = "https://shop.example.com";
    try {
      // A fresh module graph, so the environment is read again.
      vi.resetModules();
      const fresh = await import("@/lib/shop/session-cookie");
      expect(fresh.shopSessionCookie()).toEqual({ name: "__Host-latchkey-shop", options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" } });
    } finally {
      process.env.APP_URL = appUrl;
      vi.resetModules();
    }
  });
});
