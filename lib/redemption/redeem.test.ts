import { describe, expect, it } from "vitest";
import { listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { createContact, createCustomer, createToken, unique } from "@/test/factories";
import { testDb } from "@/test/db";

const meta = () => ({ ip: `198.51.100.${Math.floor(Math.random() * 250)}-${unique("ip")}`, userAgent: "vitest" });

describe("redeeming a login token", () => {
  it("exactly one of 50 concurrent redemptions of a one-time token succeeds", async () => {
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, oneTimeUse: true, userName: "x" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        redeemLoginToken({ value: token.value, origin: null, meta: { ip: `10.9.${i}.1-${token.id}`, userAgent: "vitest" }, openSession: true, channel: "link", throttleKey: `ip:10.9.${i}.1-${token.id}` }),
      ),
    );
    expect(results.filter((r) => r.outcome === "redeemed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "refused")).toHaveLength(49);
    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ successfulAttempts: 1, failedAttempts: 49 });
    expect(row.usedAt).not.toBeNull();
    // Used up, not deleted: staff still find it in the list, and only they delete it.
    expect(row.deletedAt).toBeNull();
    expect(await testDb.shopSession.count({ where: { loginTokenId: token.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.redeemed" } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.redeem_failed" } })).toBe(49);
  });

  it("keeps a used one-time token in the list, with no status and for its contact, marked Used with its counters, and never again redeems it", async () => {
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, oneTimeUse: true, userName: "Uma Used" });
    const redeem = () => redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: true, channel: "link", throttleKey: unique("key") });
    expect((await redeem()).outcome).toBe("redeemed");
    const rowsFor = async (query: string) => {
      const params = loadLoginTokensSearchParams(new URLSearchParams(query));
      const page = await listLoginTokens({ filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: 1, perPage: 100 });
      return page.rows.filter((row) => row.id === token.id);
    };
    for (const query of [`user=contact:${contact.id}`, `ids=${token.id}`, `user=contact:${contact.id}&status=used`]) {
      const [row] = await rowsFor(query);
      expect(row, query).toMatchObject({ status: "USED", successfulAttempts: 1, failedAttempts: 0 });
      expect(row!.lastAccessedAt, query).not.toBeNull();
    }
    expect(await rowsFor(`user=contact:${contact.id}&status=active`)).toEqual([]);
    expect((await redeem()).outcome).toBe("refused");
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 1, failedAttempts: 1, deletedAt: null });
  });

  it("refuses an expired token and counts the failure", async () => {
    const token = await createToken({ expiresAt: new Date(Date.now() - 1000) });
    const result = await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey: unique("key") });
    expect(result.outcome).toBe("refused");
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 0, failedAttempts: 1 });
  });

  it("redeems a reusable token again and again, answering who it is, and audits each redemption", async () => {
    const customer = await createCustomer();
    const token = await createToken({ customerId: customer.id, userName: "x" });
    for (let i = 0; i < 2; i++) {
      const result = await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey: unique("key") });
      expect(result).toMatchObject({ outcome: "redeemed", token: { id: token.id, oneTimeUse: false, user: { type: "CUSTOMER", id: customer.id, email: customer.email, company: null } }, session: null });
    }
    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ successfulAttempts: 2, failedAttempts: 0, usedAt: null, deletedAt: null });
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.redeemed" } })).toBe(2);
  });

  it("refuses a token bound to a referrer when no origin is known, and counts and audits the failure", async () => {
    const token = await createToken({ referrer: "https://procurement.example.com" });
    const result = await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: true, channel: "link", throttleKey: unique("key") });
    expect(result.outcome).toBe("refused");
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 0, failedAttempts: 1, lockedAt: null });
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.redeem_failed" } })).toBe(1);
    expect(await testDb.shopSession.count({ where: { loginTokenId: token.id } })).toBe(0);
  });
});
