import { beforeAll, describe, expect, it } from "vitest";
import { deleteLoginTokensAction, endTokenSessionsAction, rotateLoginTokenAction, tokenActivityAction } from "@/lib/login-tokens/actions";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { findShopVisitor } from "@/lib/shop/session";
import { touchShopSession } from "@/lib/shop/token-sessions";
import { testDb } from "@/test/db";
import { createStaff, createToken, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

const CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function openSession(token: { value: string }, ip = "192.0.2.44") {
  const result = await redeemLoginToken({
    value: token.value,
    origin: null,
    meta: { ip, userAgent: CHROME_ON_WINDOWS },
    openSession: true,
    channel: "link",
    throttleKey: unique("ip"),
  });
  if (result.outcome !== "redeemed" || !result.session) throw new Error("the token did not redeem");
  return result.session.cookieValue;
}

let editor: { id: string };
let viewer: { id: string };
beforeAll(async () => {
  editor = await createStaff("editor");
  viewer = await createStaff("viewer");
});

describe("a token's webshop sessions", () => {
  it("are listed with when and where they were opened, the browser read from its string, and when last seen", async () => {
    const token = await createToken();
    await openSession(token, "192.0.2.44");
    signInAs(viewer);
    const activity = (await tokenActivityAction({ id: token.id })).data!;
    expect(activity.sessions).toHaveLength(1);
    expect(activity.sessions[0]).toMatchObject({ ip: "192.0.2.44", browser: "Chrome 131 on Windows 10", userAgent: CHROME_ON_WINDOWS });
    expect(activity.sessions[0]!.lastSeenAt).not.toBeNull();
    expect(activity.events[0]).toMatchObject({ action: "token.redeemed", ip: "192.0.2.44", browser: "Chrome 131 on Windows 10", details: { channel: "link" } });
  });

  it("end one by one or all at once, audited; a viewer may not end them", async () => {
    const token = await createToken();
    const [first, second, third] = [await openSession(token), await openSession(token), await openSession(token)];
    const sessions = await testDb.shopSession.findMany({ where: { loginTokenId: token.id }, orderBy: { createdAt: "asc" }, select: { id: true } });

    signInAs(viewer);
    expect((await endTokenSessionsAction({ id: token.id })).serverError?.code).toBe("FORBIDDEN");
    expect(await findShopVisitor(first)).not.toBeNull();

    signInAs(editor);
    expect((await endTokenSessionsAction({ id: token.id, sessionId: sessions[0]!.id })).data).toEqual({ ended: 1 });
    expect(await findShopVisitor(first)).toBeNull();
    expect(await findShopVisitor(second)).not.toBeNull();
    expect((await endTokenSessionsAction({ id: token.id, sessionId: sessions[0]!.id })).serverError?.code).toBe("SESSION_NOT_FOUND");
    expect((await endTokenSessionsAction({ id: token.id })).data).toEqual({ ended: 2 });
    expect(await findShopVisitor(third)).toBeNull();
    const audited = await testDb.auditEvent.findMany({
      where: { loginTokenId: token.id, action: "token.sessions_ended" },
      orderBy: { id: "asc" },
      select: { actorStaffId: true, details: true },
    });
    expect(audited).toEqual([
      { actorStaffId: editor.id, details: { sessionsEnded: 1, sessionId: sessions[0]!.id } },
      { actorStaffId: editor.id, details: { sessionsEnded: 2 } },
    ]);
  });

  it("end when the token is deleted or rotated", async () => {
    signInAs(editor);
    const deleted = await createToken();
    const deletedSession = await openSession(deleted);
    const other = await createToken();
    const otherSession = await openSession(other);
    expect((await deleteLoginTokensAction({ ids: [deleted.id] })).data).toEqual({ deleted: 1 });
    expect(await findShopVisitor(deletedSession)).toBeNull();
    expect(await findShopVisitor(otherSession)).not.toBeNull();

    const rotated = await createToken();
    const rotatedSession = await openSession(rotated);
    expect((await rotateLoginTokenAction({ id: rotated.id })).data).toBeDefined();
    expect(await findShopVisitor(rotatedSession)).toBeNull();
  });

  it("are marked as seen at most once a minute", async () => {
    const token = await createToken();
    const cookie = await openSession(token);
    const past = new Date(Date.now() - 5 * 60_000);
    await testDb.shopSession.updateMany({ where: { loginTokenId: token.id }, data: { lastSeenAt: past } });
    await touchShopSession(cookie);
    const seen = (await testDb.shopSession.findFirstOrThrow({ where: { loginTokenId: token.id } })).lastSeenAt!;
    expect(seen.getTime()).toBeGreaterThan(past.getTime());
    const recent = new Date(Date.now() - 30_000);
    await testDb.shopSession.updateMany({ where: { loginTokenId: token.id }, data: { lastSeenAt: recent } });
    await touchShopSession(cookie);
    expect((await testDb.shopSession.findFirstOrThrow({ where: { loginTokenId: token.id } })).lastSeenAt).toEqual(recent);
  });
});
