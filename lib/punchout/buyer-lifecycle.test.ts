import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { deletePunchoutBuyerAction, disablePunchoutBuyerAction, enablePunchoutBuyerAction } from "@/lib/punchout/actions";
import { listPunchoutBuyers } from "@/lib/punchout/buyers";
import { handleCxmlSetup } from "@/lib/punchout/cxml-setup";
import { handleOciLogin } from "@/lib/punchout/oci-login";
import { createTestBuyer, cxmlFixture, refusalsFrom, RETURN_ORIGIN, testAddress } from "@/lib/punchout/punchout-test-kit";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { testDb } from "@/test/db";
import { createStaff, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

type Buyer = Awaited<ReturnType<typeof createTestBuyer>>;
let editor: { id: string };
let viewer: { id: string };

beforeAll(async () => {
  editor = await createStaff("editor");
  viewer = await createStaff("viewer");
});

const reader = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false });

/** Posts a PunchOutSetupRequest with the buyer's own credentials; returns the cXML status and, on success, the StartPage's token value. */
async function setUp(buyer: Buyer, ip = testAddress()) {
  const body = cxmlFixture("setup-request-plain", {
    IDENTITY: buyer.input.protocol === "CXML" ? buyer.input.cxmlIdentity : "",
    DOMAIN: "NetworkID",
    SECRET: buyer.secret,
    COOKIE: unique("requisition"),
    RETURN_URL: `${RETURN_ORIGIN}/return`,
    OPERATION: "create",
  });
  const response = await handleCxmlSetup(
    new Request("http://localhost:3999/punchout/cxml/setup", { method: "POST", headers: { "content-type": "text/xml", "x-forwarded-for": ip }, body }),
  );
  const document = reader.parse(await response.text());
  const startPage = document.cXML.Response.PunchOutSetupResponse?.StartPage?.URL as string | undefined;
  return {
    httpStatus: response.status,
    code: document.cXML.Response.Status.code as string,
    text: document.cXML.Response.Status["#text"] as string | undefined,
    value: startPage ? new URL(startPage).searchParams.get("t") : null,
    ip,
  };
}

const redeem = (value: string | null) => {
  const ip = testAddress();
  return redeemLoginToken({ value, origin: null, meta: { ip, userAgent: "vitest" }, openSession: true, channel: "link", throttleKey: `ip:${ip}` });
};

const liveStartLinks = (buyer: { id: string }) =>
  testDb.loginToken.count({ where: { punchoutSession: { buyerId: buyer.id }, deletedAt: null, usedAt: null, expiresAt: { gt: new Date() } } });

const openShopSessions = (buyer: { id: string }) => testDb.shopSession.count({ where: { loginToken: { punchoutSession: { buyerId: buyer.id } } } });

describe("disabling a punch-out buyer", () => {
  it("refuses its setup requests with a cXML 403, stops its unused StartPage links and ends its open punch-outs, audited", async () => {
    const buyer = await createTestBuyer("CXML");
    const unused = await setUp(buyer);
    const opened = await setUp(buyer);
    expect((await redeem(opened.value)).outcome).toBe("redeemed");
    expect(await openShopSessions(buyer)).toBe(1);

    signInAs(editor);
    expect((await disablePunchoutBuyerAction({ id: buyer.id })).data).toEqual({ id: buyer.id });

    expect(await redeem(unused.value)).toEqual({ outcome: "refused" });
    expect(await openShopSessions(buyer)).toBe(0);
    const refused = await setUp(buyer);
    expect(refused).toMatchObject({ httpStatus: 403, code: "403", value: null });
    expect(refused.text).toContain("disabled");
    expect(await liveStartLinks(buyer)).toBe(0);
    expect((await refusalsFrom(refused.ip))[0]?.details).toMatchObject({ reason: "buyer disabled", buyerId: buyer.id });

    const audit = await testDb.auditEvent.findFirstOrThrow({
      where: { action: "punchout_buyer.disabled", actorStaffId: editor.id, details: { path: ["buyerId"], equals: buyer.id } },
    });
    expect(audit.details).toMatchObject({ name: buyer.name, tokensDeleted: 1, sessionsEnded: 1 });
    expect((await listPunchoutBuyers()).find((row) => row.id === buyer.id)?.disabledAt).toBeInstanceOf(Date);
  });

  it("answers a disabled OCI buyer's login, right password and all, with the one generic refusal page", async () => {
    const buyer = await createTestBuyer("OCI");
    signInAs(editor);
    await disablePunchoutBuyerAction({ id: buyer.id });
    const ip = testAddress();
    const fields = new URLSearchParams({
      USERNAME: buyer.input.protocol === "OCI" ? buyer.input.ociUsername : "",
      PASSWORD: buyer.secret,
      HOOK_URL: `${RETURN_ORIGIN}/hook`,
    });
    const response = await handleOciLogin(new Request(`http://localhost:3999/punchout/oci?${fields}`, { headers: { "x-forwarded-for": ip } }));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/punchout/refused");
    expect((await refusalsFrom(ip))[0]?.details).toMatchObject({ protocol: "OCI", reason: "buyer disabled", buyerId: buyer.id });
    expect(await liveStartLinks(buyer)).toBe(0);
  });

  it("leaves no live start link behind when setup requests race the disabling", async () => {
    const buyer = await createTestBuyer("CXML");
    signInAs(editor);
    const [answers] = await Promise.all([Promise.all(Array.from({ length: 8 }, () => setUp(buyer))), disablePunchoutBuyerAction({ id: buyer.id })]);
    expect(answers.every((answer) => ["200", "403"].includes(answer.code))).toBe(true);
    expect(await liveStartLinks(buyer)).toBe(0);
    for (const answer of answers.filter((a) => a.value)) expect(await redeem(answer.value)).toEqual({ outcome: "refused" });
  });

  it("lets an enabled buyer in again with the credentials it already had, audited", async () => {
    const buyer = await createTestBuyer("CXML");
    signInAs(editor);
    await disablePunchoutBuyerAction({ id: buyer.id });
    expect((await enablePunchoutBuyerAction({ id: buyer.id })).data).toEqual({ id: buyer.id });
    const again = await setUp(buyer);
    expect(again.code).toBe("200");
    expect((await redeem(again.value)).outcome).toBe("redeemed");
    expect(await testDb.auditEvent.count({ where: { action: "punchout_buyer.enabled", details: { path: ["buyerId"], equals: buyer.id } } })).toBe(1);
  });

  it("says so at a second disable or an enable of an enabled buyer, and changes nothing", async () => {
    const buyer = await createTestBuyer("OCI");
    signInAs(editor);
    expect((await enablePunchoutBuyerAction({ id: buyer.id })).serverError).toMatchObject({ code: "PUNCHOUT_BUYER_ENABLED" });
    await disablePunchoutBuyerAction({ id: buyer.id });
    expect((await disablePunchoutBuyerAction({ id: buyer.id })).serverError).toMatchObject({ code: "PUNCHOUT_BUYER_DISABLED" });
    expect(await testDb.auditEvent.count({ where: { action: { startsWith: "punchout_buyer." }, details: { path: ["buyerId"], equals: buyer.id } } })).toBe(2);
  });
});

describe("deleting a punch-out buyer", () => {
  it("deletes its credentials and takes it off the list, keeps its punch-outs for the history, and frees its username", async () => {
    const buyer = await createTestBuyer("OCI");
    const username = buyer.input.protocol === "OCI" ? buyer.input.ociUsername : "";
    signInAs(editor);
    expect((await deletePunchoutBuyerAction({ id: buyer.id })).data).toEqual({ id: buyer.id });

    const row = await testDb.punchoutBuyer.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(row).toMatchObject({ name: buyer.name, secretHash: null, ociUsername: null, cxmlIdentity: null });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await listPunchoutBuyers()).some((listed) => listed.id === buyer.id)).toBe(false);
    expect(
      await testDb.auditEvent.count({ where: { action: "punchout_buyer.deleted", actorStaffId: editor.id, details: { path: ["buyerId"], equals: buyer.id } } }),
    ).toBe(1);

    const ip = testAddress();
    const fields = new URLSearchParams({ USERNAME: username, PASSWORD: buyer.secret, HOOK_URL: `${RETURN_ORIGIN}/hook` });
    const response = await handleOciLogin(new Request(`http://localhost:3999/punchout/oci?${fields}`, { headers: { "x-forwarded-for": ip } }));
    expect(response.headers.get("location")).toBe("/punchout/refused");
    expect((await refusalsFrom(ip))[0]?.details).toMatchObject({ reason: "unknown username" });

    expect((await deletePunchoutBuyerAction({ id: buyer.id })).serverError).toMatchObject({ code: "PUNCHOUT_BUYER_NOT_FOUND" });
    await testDb.punchoutBuyer.update({ where: { id: (await createTestBuyer("OCI")).id }, data: { ociUsername: username } });
  });

  it("keeps the punch-outs it made, so that their tokens still name it", async () => {
    const buyer = await createTestBuyer("CXML");
    const opened = await setUp(buyer);
    expect((await redeem(opened.value)).outcome).toBe("redeemed");
    signInAs(editor);
    await deletePunchoutBuyerAction({ id: buyer.id });
    expect(await openShopSessions(buyer)).toBe(0);
    expect(await testDb.punchoutSession.findMany({ where: { buyerId: buyer.id }, select: { buyer: { select: { name: true } } } })).toEqual([
      { buyer: { name: buyer.name } },
    ]);
    expect((await setUp(buyer)).code).toBe("401");
  });
});

describe("who may change a buyer", () => {
  it("refuses viewers to disable, enable or delete, and changes nothing", async () => {
    const buyer = await createTestBuyer("CXML");
    signInAs(viewer);
    for (const action of [disablePunchoutBuyerAction, enablePunchoutBuyerAction, deletePunchoutBuyerAction]) {
      expect((await action({ id: buyer.id })).serverError).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await testDb.punchoutBuyer.findUniqueOrThrow({ where: { id: buyer.id }, select: { disabledAt: true, deletedAt: true } })).toEqual({
      disabledAt: null,
      deletedAt: null,
    });
  });

  it("refuses an id that is not a uuid at the field", async () => {
    signInAs(editor);
    expect((await disablePunchoutBuyerAction({ id: "nope" })).validationErrors).toBeDefined();
  });
});
