import { beforeAll, describe, expect, it } from "vitest";
import { apiClient, createApiKeyRow, documentedResponse } from "@/test/api-test-kit";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { findShopVisitor } from "@/lib/shop/session";
import { testDb } from "@/test/db";
import { createContact, createStaff, createToken, newTokenInput, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

const redeem = (value: string, openSession = false) =>
  redeemLoginToken({ value, origin: null, meta: { ip: "192.0.2.80", userAgent: "vitest" }, openSession, channel: "api", throttleKey: unique("uses") });

const later = () => new Date(Date.now() + 86_400_000);

let editor: { id: string };
beforeAll(async () => {
  editor = await createStaff("editor");
});

describe("a token of N uses", () => {
  it("redeems exactly N times, then reads as used", async () => {
    const token = await createToken({ maxUses: 3 });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push((await redeem(token.value)).outcome);
    expect(outcomes).toEqual(["redeemed", "redeemed", "redeemed", "refused"]);
    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ successfulAttempts: 3, failedAttempts: 1 });
    expect(row.usedAt).not.toBeNull();
    const failure = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.redeem_failed" } });
    expect(failure.details).toMatchObject({ refusal: "used" });
  });

  it("redeems exactly 5 times under 40 concurrent redemptions", async () => {
    const token = await createToken({ maxUses: 5 });
    const results = await Promise.all(Array.from({ length: 40 }, () => redeem(token.value)));
    expect(results.filter((result) => result.outcome === "redeemed")).toHaveLength(5);
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 5, failedAttempts: 35 });
  });
});

describe("a window after the first use", () => {
  it("starts at the first redemption and ends the token then, or at its own expiry if sooner", async () => {
    const token = await createToken({ useWindowMinutes: 30, expiresAt: later() });
    const before = Date.now();
    expect((await redeem(token.value)).outcome).toBe("redeemed");
    const { expiresAt } = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 30 * 60_000 - 1000);
    expect(expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 1000);
    // A second use does not move it.
    expect((await redeem(token.value)).outcome).toBe("redeemed");
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).expiresAt).toEqual(expiresAt);

    const soon = new Date(Date.now() + 5 * 60_000);
    const short = await createToken({ useWindowMinutes: 30, expiresAt: soon });
    expect((await redeem(short.value)).outcome).toBe("redeemed");
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: short.id } })).expiresAt).toEqual(soon);

    const never = await createToken({ useWindowMinutes: 1, expiresAt: null });
    expect((await redeem(never.value)).outcome).toBe("redeemed");
    await testDb.loginToken.update({ where: { id: never.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await redeem(never.value)).outcome).toBe("refused");
  });
});

describe("revoking a person's other links on create", () => {
  it("deletes their other live staff-made tokens and ends those sessions, audited, and leaves other tokens alone", async () => {
    const contact = await createContact();
    const staffMade = await createToken({ contactId: contact.id, createdByStaffId: editor.id });
    const session = await redeem(staffMade.value, true);
    if (session.outcome !== "redeemed" || !session.session) throw new Error("expected a session");
    const byApi = await createToken({ contactId: contact.id });
    const someoneElse = await createToken({ contactId: (await createContact()).id, createdByStaffId: editor.id });

    signInAs(editor);
    const created = await createLoginTokenAction(newTokenInput({ user: { type: "CONTACT", id: contact.id }, revokeOtherLinks: true }));
    expect(created.data).toBeDefined();
    const rows = await testDb.loginToken.findMany({
      where: { id: { in: [staffMade.id, byApi.id, someoneElse.id, created.data!.id] } },
      select: { id: true, deletedAt: true },
    });
    const deleted = Object.fromEntries(rows.map((row) => [row.id, row.deletedAt !== null]));
    expect(deleted).toEqual({ [staffMade.id]: true, [byApi.id]: false, [someoneElse.id]: false, [created.data!.id]: false });
    expect(await findShopVisitor(session.session.cookieValue)).toBeNull();
    expect(await testDb.auditEvent.count({ where: { loginTokenId: staffMade.id, action: "token.deleted", actorStaffId: editor.id } })).toBe(1);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: created.data!.id, action: "token.created" } });
    expect(audit.details).toMatchObject({ revokedOtherLinks: 1 });
  });
});

describe("the API", () => {
  it("creates a token of N uses with a window and revokes the person's other links, as documented", async () => {
    const api = apiClient((await createApiKeyRow()).key);
    const contact = await createContact();
    const old = await createToken({ contactId: contact.id, createdByStaffId: editor.id });
    const response = await api.create({
      contactId: contact.id,
      expiresIn: 3600,
      oneTimeUse: false,
      maxUses: 5,
      validForMinutesAfterFirstUse: 15,
      revokeOtherLinks: true,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(documentedResponse("createLoginToken", 201).safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ oneTimeUse: false, maxUses: 5, revokedOtherLinks: 1 });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: String(body.id) } })).toMatchObject({ maxUses: 5, useWindowMinutes: 15 });
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: old.id } })).deletedAt).not.toBeNull();

    // A number of uses is itself the choice against one time use; only both at once are refused.
    const reusable = await api.create({ expiresIn: 3600, maxUses: 5 });
    expect(reusable.status).toBe(201);
    expect(await reusable.json()).toMatchObject({ oneTimeUse: false, maxUses: 5 });
    const refused = await api.create({ expiresIn: 3600, oneTimeUse: true, maxUses: 5 });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("maxUses");
    const tooFew = await api.create({ expiresIn: 3600, oneTimeUse: false, maxUses: 1 });
    expect(tooFew.status).toBe(422);
  });
});
