import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { getTokenActivity } from "@/lib/login-tokens/activity";
import { rotateLoginToken } from "@/lib/login-tokens/mutations";
import { generateTokenValue } from "@/lib/login-tokens/token-crypto";
import { redeemLoginToken, type RedeemRequest } from "@/lib/redemption/redeem";
import { createContact, createCustomer, createStaff, createToken, unique } from "@/test/factories";
import { testDb } from "@/test/db";

const meta = () => ({ ip: `198.51.100.${Math.floor(Math.random() * 250)}-${unique("ip")}`, userAgent: "vitest" });

describe("redeeming a login token", () => {
  it("exactly one of 50 concurrent redemptions of a one-time token succeeds", async () => {
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, oneTimeUse: true, userName: "x" });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        redeemLoginToken({
          value: token.value,
          origin: null,
          meta: { ip: `10.9.${i}.1-${token.id}`, userAgent: "vitest" },
          openSession: true,
          channel: "link",
          throttleKey: `ip:10.9.${i}.1-${token.id}`,
        }),
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
      expect(result).toMatchObject({
        outcome: "redeemed",
        token: { id: token.id, oneTimeUse: false, user: { type: "CUSTOMER", id: customer.id, email: customer.email, company: null } },
        session: null,
      });
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

  it("opens a staff member's impersonation session for IMPERSONATION_SESSION_MINUTES, and any other for SHOP_SESSION_HOURS", async () => {
    const contact = await createContact();
    const staff = await createStaff("editor");
    const impersonation = await createToken({ contactId: contact.id, createdByStaffId: staff.id });
    const anonymousByStaff = await createToken({ createdByStaffId: staff.id });
    const byApi = await createToken({ contactId: contact.id });
    const minutesLeft = async (token: { value: string }) => {
      const result = await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: true, channel: "link", throttleKey: unique("key") });
      if (result.outcome !== "redeemed" || !result.session) throw new Error("expected a session");
      return Math.round((result.session.expiresAt.getTime() - Date.now()) / 60_000);
    };
    expect(await minutesLeft(impersonation)).toBe(60);
    expect(await minutesLeft(anonymousByStaff)).toBe(12 * 60);
    expect(await minutesLeft(byApi)).toBe(12 * 60);
  });

  it("ends the token's webshop sessions when failures lock it", async () => {
    const token = await createToken({ referrer: "https://portal.example" });
    const opened = await redeemLoginToken({
      value: token.value,
      origin: "https://portal.example",
      meta: meta(),
      openSession: true,
      channel: "link",
      throttleKey: unique("key"),
    });
    expect(opened.outcome).toBe("redeemed");
    for (let i = 0; i < 9; i++)
      await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: true, channel: "link", throttleKey: unique("key") });
    expect(await testDb.shopSession.count({ where: { loginTokenId: token.id } })).toBe(1);
    await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: true, channel: "link", throttleKey: unique("key") });
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).lockedAt).not.toBeNull();
    expect(await testDb.shopSession.count({ where: { loginTokenId: token.id } })).toBe(0);
  });

  it("audits why each failure failed, for staff", async () => {
    const cases = [
      { token: await createToken({ expiresAt: new Date(Date.now() - 1000) }), reason: "expired" },
      { token: await createToken({ deletedAt: new Date() }), reason: "deleted" },
      { token: await createToken({ referrer: "https://portal.example" }), reason: "wrong_referrer" },
    ];
    const used = await createToken({ oneTimeUse: true });
    await redeemLoginToken({ value: used.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey: unique("key") });
    cases.push({ token: used, reason: "used" });
    for (const { token, reason } of cases) {
      await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey: unique("key") });
      const failure = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.redeem_failed" } });
      expect(failure.details).toEqual({ channel: "api", refusal: reason });
    }
  });
});

describe("the failures of a rotated or throttled redemption, as the token's activity shows them", () => {
  const refusals = async (tokenId: string) =>
    (await getTokenActivity(tokenId)).events
      .filter((event) => event.action === "token.redeem_failed")
      .map((event) => (event.details as { refusal: string }).refusal);

  it("records a redemption of a rotated token's old value as rotated, against the token, and redeems the new value", async () => {
    const staff = await createStaff("editor");
    const token = await createToken();
    const { value } = await rotateLoginToken(token.id, { actor: { type: "STAFF", id: staff.id, name: staff.name }, meta: { ip: null, userAgent: null } });
    const redeem = (tokenValue: string) =>
      redeemLoginToken({ value: tokenValue, origin: null, meta: meta(), openSession: false, channel: "link", throttleKey: unique("key") });
    expect((await redeem(token.value)).outcome).toBe("refused");
    expect(await refusals(token.id)).toEqual(["rotated"]);
    expect((await redeem(value)).outcome).toBe("redeemed");
    // The old value's failure did not count against the token.
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  });

  it("records a throttled attempt at a token as throttled, and changes nothing on the token", async () => {
    const throttleKey = unique("ip:throttled");
    for (let i = 0; i < 20; i++)
      await redeemLoginToken({ value: generateTokenValue(), origin: null, meta: meta(), openSession: false, channel: "api", throttleKey });
    const token = await createToken();
    expect((await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey })).outcome).toBe(
      "throttled",
    );
    expect(await refusals(token.id)).toEqual(["throttled"]);
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 0, failedAttempts: 0 });
  });
});

describe("the page proof's claim in the redemption statement", () => {
  const proof = () => ({ nonce: randomBytes(16), expiresAt: new Date(Date.now() + 600_000) });
  const linkRequest = (value: string, pageProof: RedeemRequest["pageProof"]): RedeemRequest => ({
    value,
    origin: null,
    meta: meta(),
    openSession: true,
    channel: "link",
    throttleKey: unique("ip"),
    pageProof,
  });

  it("redeems once per proof: a replayed proof is refused as a replay and changes nothing", async () => {
    const token = await createToken();
    const once = proof();
    expect((await redeemLoginToken(linkRequest(token.value, once))).outcome).toBe("redeemed");
    expect(await redeemLoginToken(linkRequest(token.value, once))).toEqual({ outcome: "replayed" });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
    expect(await testDb.shopSession.count({ where: { loginTokenId: token.id } })).toBe(1);
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id } })).toBe(1);
    expect((await redeemLoginToken(linkRequest(token.value, proof()))).outcome).toBe("redeemed");
  });

  it("of 20 concurrent redemptions with one proof, exactly one redeems; the others are replays that count nothing", async () => {
    const token = await createToken();
    const once = proof();
    const results = await Promise.all(Array.from({ length: 20 }, () => redeemLoginToken(linkRequest(token.value, once))));
    expect(results.filter((r) => r.outcome === "redeemed")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "replayed")).toHaveLength(19);
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  });
});

describe("the throttle under concurrency", () => {
  it("evaluates at most the limit of 200 concurrent guesses from one new address", async () => {
    const throttleKey = unique("ip:burst");
    const ip = unique("203.0.113.7");
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        redeemLoginToken({ value: generateTokenValue(), origin: null, meta: { ip, userAgent: "vitest" }, openSession: true, channel: "link", throttleKey }),
      ),
    );
    expect(results.filter((r) => r.outcome === "refused")).toHaveLength(20);
    expect(results.filter((r) => r.outcome === "throttled")).toHaveLength(180);
    expect(await testDb.auditEvent.count({ where: { ip, action: "token.redeem_failed" } })).toBe(20);
  });

  it("does not count a success, and still throttles failures on a live token", async () => {
    const throttleKey = unique("ip:mixed");
    const token = await createToken();
    for (let i = 0; i < 30; i++)
      expect((await redeemLoginToken({ value: token.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey })).outcome).toBe(
        "redeemed",
      );
    const expired = await createToken({ expiresAt: new Date(Date.now() - 1000) });
    for (let i = 0; i < 20; i++)
      expect((await redeemLoginToken({ value: expired.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey })).outcome).toBe(
        "refused",
      );
    expect((await redeemLoginToken({ value: expired.value, origin: null, meta: meta(), openSession: false, channel: "api", throttleKey })).outcome).toBe(
      "throttled",
    );
  });
});
