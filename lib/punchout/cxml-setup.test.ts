import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { handleCxmlSetup } from "@/lib/punchout/cxml-setup";
import { createTestBuyer, cxmlFixture, punchoutRows, refusalsFrom, RETURN_ORIGIN, testAddress, throttleCount } from "@/lib/punchout/punchout-test-kit";
import { PUNCHOUT_START_SECONDS } from "@/lib/punchout/start";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";

type Buyer = Awaited<ReturnType<typeof createTestBuyer>>;
let buyer: Buyer;
let identity: string;

beforeAll(async () => {
  buyer = await createTestBuyer("CXML");
  identity = buyer.input.protocol === "CXML" ? buyer.input.cxmlIdentity : "";
});

const reader = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false });

function setupRequest(
  values: Partial<Record<"IDENTITY" | "SECRET" | "COOKIE" | "RETURN_URL" | "OPERATION" | "DOMAIN", string>> = {},
  fixture = "setup-request-extrinsics",
) {
  return cxmlFixture(fixture, {
    IDENTITY: identity,
    SECRET: buyer.secret,
    COOKIE: unique("requisition"),
    RETURN_URL: `${RETURN_ORIGIN}/punchout/return?session=42&amp;lang=en`,
    OPERATION: "create",
    DOMAIN: "NetworkId",
    ...values,
  });
}

async function post(body: string, ip = testAddress(), contentType = "text/xml; charset=utf-8") {
  const response = await handleCxmlSetup(
    new Request("http://localhost:3999/punchout/cxml/setup", {
      method: "POST",
      headers: { "content-type": contentType, "x-forwarded-for": ip, "user-agent": "vitest" },
      body,
    }),
  );
  const text = await response.text();
  const document = reader.parse(text);
  return { response, text, ip, status: document?.cXML?.Response?.Status as { code: string; text: string; "#text"?: string } | undefined, document };
}

async function expectRefused(body: string, code: string, httpStatus: number) {
  const before = await punchoutRows(buyer);
  const answer = await post(body);
  expect(answer.response.status).toBe(httpStatus);
  expect(answer.response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
  expect(answer.text).not.toMatch(/<html/i);
  expect(answer.status?.code).toBe(code);
  expect(await punchoutRows(buyer)).toEqual(before);
  expect(await throttleCount(answer.ip)).toBe(1);
  const refusals = await refusalsFrom(answer.ip);
  expect(refusals).toHaveLength(1);
  return { ...answer, refusal: refusals[0]?.details as Record<string, unknown> };
}

describe("POST /punchout/cxml/setup", () => {
  it("answers a PunchOutSetupRequest with extrinsics with a StartPage that is a one-time login link, bound to the buyer, BuyerCookie and return URL", async () => {
    const cookie = unique("requisition");
    const { response, document, ip } = await post(setupRequest({ COOKIE: cookie }));
    expect(response.status).toBe(200);
    expect(document.cXML.Response.Status).toMatchObject({ code: "200", text: "OK" });
    const startPage = new URL(document.cXML.Response.PunchOutSetupResponse.StartPage.URL);
    expect(startPage.origin + startPage.pathname).toBe("http://localhost:3999/login/token");

    const session = await testDb.punchoutSession.findFirstOrThrow({
      where: { buyerCookie: cookie },
      select: {
        buyerId: true,
        returnUrl: true,
        extrinsics: true,
        protocol: true,
        loginToken: { select: { oneTimeUse: true, expiresAt: true, contactId: true, redirectPath: true } },
      },
    });
    expect(session).toMatchObject({ buyerId: buyer.id, protocol: "CXML", returnUrl: `${RETURN_ORIGIN}/punchout/return?session=42&lang=en` });
    // Recorded as sent, never used to decide who signs in: the buyer's own contact does.
    expect(session.extrinsics).toEqual({ UserEmail: "jane.buyer@acme.example", UserName: "Jane Buyer", CostCenter: "4711 & 4712" });
    expect(session.loginToken).toMatchObject({ oneTimeUse: true, contactId: buyer.contact.id, redirectPath: "/shop" });
    const lifetime = (session.loginToken.expiresAt!.getTime() - Date.now()) / 1000;
    expect(lifetime).toBeGreaterThan(PUNCHOUT_START_SECONDS - 30);
    expect(lifetime).toBeLessThanOrEqual(PUNCHOUT_START_SECONDS);

    const started = await testDb.auditEvent.findFirstOrThrow({ where: { action: "punchout.started", ip }, select: { details: true, actorType: true } });
    expect(started).toMatchObject({ actorType: "VISITOR", details: { buyerId: buyer.id, buyer: buyer.name, protocol: "CXML", returnOrigin: RETURN_ORIGIN } });
    expect(JSON.stringify(started.details)).not.toContain(buyer.secret);
  });

  it("accepts the request without extrinsics, with the domain in another case, and records none", async () => {
    const cookie = unique("requisition");
    const { response } = await post(setupRequest({ COOKIE: cookie, DOMAIN: "NETWORKID" }, "setup-request-plain"));
    expect(response.status).toBe(200);
    expect(await testDb.punchoutSession.findFirstOrThrow({ where: { buyerCookie: cookie }, select: { extrinsics: true } })).toEqual({ extrinsics: null });
  });

  it("hands out a StartPage that signs in once; opening it again is refused", async () => {
    const { document } = await post(setupRequest());
    const value = new URL(document.cXML.Response.PunchOutSetupResponse.StartPage.URL).searchParams.get("t");
    const meta = { ip: testAddress(), userAgent: "vitest" };
    const first = await redeemLoginToken({ value, origin: null, meta, openSession: true, channel: "link", throttleKey: `ip:${meta.ip}` });
    expect(first.outcome).toBe("redeemed");
    const replay = await redeemLoginToken({ value, origin: null, meta, openSession: true, channel: "link", throttleKey: `ip:${meta.ip}` });
    expect(replay).toEqual({ outcome: "refused" });
  });

  it("refuses a wrong shared secret with 401, audited with the buyer", async () => {
    const { status, refusal } = await expectRefused(setupRequest({ SECRET: "not-the-secret" }), "401", 401);
    expect(status?.text).toBe("Unauthorized");
    expect(refusal).toMatchObject({ protocol: "CXML", reason: "wrong shared secret", buyerId: buyer.id });
  });

  it("refuses an unknown identity with the same 401 as a wrong secret", async () => {
    const wrongSecret = await post(setupRequest({ SECRET: "not-the-secret" }));
    const { status, refusal } = await expectRefused(setupRequest({ IDENTITY: unique("AN999") }), "401", 401);
    expect(status?.["#text"]).toBe(wrongSecret.status?.["#text"]);
    expect(refusal).toMatchObject({ reason: "unknown sender identity" });
    expect(refusal).not.toHaveProperty("buyerId");
  });

  it("refuses a request without BuyerCookie with 400", async () => {
    const { refusal } = await expectRefused(setupRequest({ COOKIE: "" }), "400", 400);
    expect(refusal).toMatchObject({ reason: "missing BuyerCookie", buyerId: buyer.id });
  });

  it("refuses a BrowserFormPost URL outside the buyer's origins with 403", async () => {
    for (const url of ["https://evil.example/steal", "https://srm.acme.test.evil.example/", "http://srm.acme.test/return", "http://localhost:3161/return"]) {
      const { refusal } = await expectRefused(setupRequest({ RETURN_URL: url }), "403", 403);
      expect(refusal).toMatchObject({ reason: "return URL not allowed" });
    }
  });

  it("answers edit and inspect with 450 Not Implemented", async () => {
    for (const operation of ["edit", "inspect"]) {
      const { status } = await expectRefused(setupRequest({ OPERATION: operation }), "450", 501);
      expect(status?.text).toBe("Not Implemented");
      expect(status?.["#text"]).toContain(operation);
    }
  });

  it("refuses malformed documents, other cXML requests and other content types with 400", async () => {
    await expectRefused(setupRequest().replace("</Header>", ""), "400", 400);
    await expectRefused(setupRequest().replace(/PunchOutSetupRequest/g, "OrderRequest"), "400", 400);
    await expectRefused("not xml at all", "400", 400);
    const before = await punchoutRows(buyer);
    const form = await post(setupRequest(), testAddress(), "application/x-www-form-urlencoded");
    expect(form.status?.code).toBe("400");
    expect(await punchoutRows(buyer)).toEqual(before);
  });

  it("refuses an external entity (XXE) without reading it", async () => {
    const { text } = await expectRefused(cxmlFixture("xxe", { IDENTITY: identity, SECRET: buyer.secret, RETURN_URL: `${RETURN_ORIGIN}/r` }), "400", 400);
    expect(text).not.toContain("root:");
  });

  it("refuses a billion laughs document without expanding it", async () => {
    const { text } = await expectRefused(
      cxmlFixture("billion-laughs", { IDENTITY: identity, SECRET: buyer.secret, RETURN_URL: `${RETURN_ORIGIN}/r` }),
      "400",
      400,
    );
    expect(text.length).toBeLessThan(2_000);
  });

  it("refuses a document over 256 KB", async () => {
    const padded = setupRequest().replace("<Request", `<!-- ${"x".repeat(256 * 1024)} -->\n<Request`);
    const { status } = await expectRefused(padded, "400", 400);
    expect(status?.["#text"]).toContain("256 KB");
  });

  it("answers 429 with Retry-After once an address has failed too often, and checks nothing more", async () => {
    const ip = testAddress();
    for (let i = 0; i < 20; i++) await post("<cXML/>", ip);
    const before = await punchoutRows(buyer);
    const blocked = await post(setupRequest(), ip);
    expect(blocked.response.status).toBe(429);
    expect(Number(blocked.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.status?.code).toBe("429");
    expect(await punchoutRows(buyer)).toEqual(before);
  });
});
