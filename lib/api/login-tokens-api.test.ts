import { XMLParser } from "fast-xml-parser";
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { revokeApiKey } from "@/lib/api-keys/mutations";
import { hashApiKey, issueApiKey } from "@/lib/api-keys/keys";
import { authenticateApiKey } from "@/lib/api-keys/principal";
import {
  apiClient,
  createApiKeyRow,
  documentedResponse,
  documentedResponseStatuses,
  itAnswersEveryDocumentedError,
  keyedEndpointCases,
  type ErrorCases,
} from "@/test/api-test-kit";
import { API_ERRORS } from "@/lib/api/errors";
import type { EndpointName } from "@/lib/api/endpoint-registry";
import { API_BODY_LIMIT_BYTES } from "@/lib/body-limits";
import { generateTokenValue } from "@/lib/login-tokens/token-crypto";
import { testDb } from "@/test/db";
import { createContact, createCustomer, createStaff, createToken, personId, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";

// What lies outside the unit: configuration the installation chooses, and
// failures nothing in a healthy test database would cause. Hoisted, because
// the mock factories below run before this module's own code.
const outside = vi.hoisted(() => {
  const state = { failing: new Set<string>() };
  const failable =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      state.failing.has(name) ? Promise.reject(new Error("simulated failure at /srv/latchkey/lib/secret-internals.ts:42")) : fn(...args);
  return Object.assign(state, { failable });
});

vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));

vi.mock("@/lib/api/login-tokens", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/api/login-tokens")>();
  return {
    ...actual,
    createLoginTokenForApi: outside.failable("createLoginToken", actual.createLoginTokenForApi),
    listLoginTokensForApi: outside.failable("listLoginTokens", actual.listLoginTokensForApi),
    findLoginTokenForApi: outside.failable("getLoginToken", actual.findLoginTokenForApi),
  };
});
vi.mock("@/lib/login-tokens/mutations", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/login-tokens/mutations")>();
  return { ...actual, deleteLoginTokens: outside.failable("deleteLoginToken", actual.deleteLoginTokens) };
});
vi.mock("@/lib/redemption/redeem", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/redemption/redeem")>();
  return { ...actual, redeemLoginToken: outside.failable("redeemLoginToken", actual.redeemLoginToken) };
});

afterEach(() => {
  outside.failing.clear();
});

let apiKey: { id: string; key: string; name: string };
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  apiKey = await createApiKeyRow();
  api = apiClient(apiKey.key);
});

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string; solution: string; details?: { path: string; message: string }[] } };
  return { status: response.status, ...body.error };
}

const inAnHour = () => new Date(Date.now() + 3_600_000);

// ─── Success shapes, checked against the published document ─────────────────

describe("each endpoint's success answers as the OpenAPI document says", () => {
  it("POST /login-tokens creates a token for a contact found by email and returns its value once, with link and QR code", async () => {
    const contact = await createContact({ firstName: "Cora", lastName: "Jansen" });
    const response = await api.create({ email: contact.email.toUpperCase(), expiresIn: 3600, extra: "PO 4711", redirectPath: "/shop/orders" });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await response.json()) as Record<string, unknown>;
    expect(documentedResponse("createLoginToken", 201).safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({
      oneTimeUse: true,
      extra: "PO 4711",
      user: { type: "CONTACT", id: contact.id, name: `Cora Jansen`, email: contact.email },
    });
    expect(body.loginUrl).toBe(`http://localhost:3999/login/token?t=${body.token}`);
    expect(response.headers.get("location")).toBe(`http://localhost:3999/api/v1/login-tokens/${body.id}`);
    expect(Buffer.from(String(body.qrCode).split(",")[1]!, "base64").subarray(1, 4).toString()).toBe("PNG");
    const expiresIn = Date.parse(String(body.expiresAt)) - Date.parse(String(body.createdAt));
    expect(Math.abs(expiresIn - 3_600_000)).toBeLessThan(5_000);

    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: String(body.id) } });
    expect(row).toMatchObject({ contactId: contact.id, createdByApiKeyId: apiKey.id, redirectPath: "/shop/orders", oneTimeUse: true });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: row.id, action: "token.created" } });
    expect(audit).toMatchObject({ actorType: "API_KEY", actorApiKeyId: apiKey.id, actorLabel: apiKey.name, ip: "192.0.2.10" });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(String(body.token));
  });

  it("POST /login-tokens makes customer and anonymous tokens, with expiresAt and oneTimeUse false", async () => {
    const customer = await createCustomer();
    const expiresAt = inAnHour();
    const forCustomer = await api.create({
      customerId: customer.id,
      expiresAt: expiresAt.toISOString(),
      oneTimeUse: false,
      referrer: "https://procurement.example.com",
    });
    expect(forCustomer.status).toBe(201);
    const body = await forCustomer.json();
    expect(body).toMatchObject({ user: { type: "CUSTOMER", id: customer.id }, oneTimeUse: false, expiresAt: expiresAt.toISOString() });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({ referrer: "https://procurement.example.com" });

    const anonymous = await api.create({ expiresIn: 600 });
    expect(anonymous.status).toBe(201);
    expect(await anonymous.json()).toMatchObject({ user: null, extra: null, oneTimeUse: true });
  });

  it("POST /login-tokens without oneTimeUse takes the installation's default, the one the dialog starts with", async () => {
    installation.env.DEFAULT_ONE_TIME_USE = false;
    const created = await api.create({ expiresIn: 600 });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ oneTimeUse: false });
  });

  it("GET /login-tokens lists tokens in the documented shape", async () => {
    const contact = await createContact();
    await createToken({ contactId: contact.id, extra: "first" });
    await createToken({ contactId: contact.id, extra: "second", expiresAt: inAnHour() });
    const response = await api.list({ contactId: String(contact.id) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(documentedResponse("listLoginTokens", 200).safeParse(body).error).toBeUndefined();
    expect(body.data.map((token: { extra: string }) => token.extra)).toEqual(["second", "first"]);
    expect(body.data[0]).toMatchObject({ status: "ACTIVE", user: { type: "CONTACT", id: contact.id, email: contact.email }, successfulAttempts: 0 });
    expect(body.nextCursor).toBeNull();
  });

  it("GET /login-tokens/{id} shows one token in the documented shape, and a used one-time token as USED", async () => {
    const staff = await createStaff("editor");
    const token = await createToken({ oneTimeUse: true, createdByStaffId: staff.id, expiresAt: inAnHour() });
    const response = await api.show(token.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(documentedResponse("getLoginToken", 200).safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ id: token.id, status: "ACTIVE", createdBy: { type: "STAFF", name: staff.name } });

    expect((await api.redeem({ token: token.value })).status).toBe(200);
    expect(await (await api.show(token.id)).json()).toMatchObject({ status: "USED", successfulAttempts: 1 });
  });

  it("DELETE /login-tokens/{id} deletes softly with 204 and no body, as documented", async () => {
    const token = await createToken();
    const response = await api.remove(token.id);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(documentedResponseStatuses("deleteLoginToken")).toContain("204");
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).deletedAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.deleted", actorApiKeyId: apiKey.id } })).toBe(1);
    expect((await api.show(token.id)).status).toBe(404);
    expect((await api.redeem({ token: token.value })).status).toBe(422);
  });

  it("POST /login-tokens/redeem answers who the token signs in as and counts the redemption", async () => {
    const contact = await createContact({ firstName: "Ria", lastName: "Visser" });
    const expiresAt = inAnHour();
    const token = await createToken({ contactId: contact.id, extra: "punch-out", oneTimeUse: false, expiresAt });
    const response = await api.redeem({ token: token.value });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(documentedResponse("redeemLoginToken", 200).safeParse(body).error).toBeUndefined();
    expect(body).toEqual({
      tokenId: token.id,
      user: { type: "CONTACT", id: contact.id, name: "Ria Visser", email: contact.email },
      extra: "punch-out",
      expiresAt: expiresAt.toISOString(),
      oneTimeUse: false,
    });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.redeemed" } });
    expect(audit.details).toEqual({ channel: "api" });
  });

  it("the document's validators are not a formality: they refuse a token value in a listed token", async () => {
    const token = await createToken();
    const listed = (await (await api.show(token.id)).json()) as Record<string, unknown>;
    expect(documentedResponse("getLoginToken", 200).safeParse({ ...listed, token: token.value }).success).toBe(false);
    expect(documentedResponse("getLoginToken", 200).safeParse({ ...listed, status: "DELETED" }).success).toBe(false);
  });
});

// ─── Every error code of every endpoint ──────────────────────────────────────

const validCreate = () => ({ expiresIn: 600 });

/** One request per (endpoint, code) that must produce that code. */
const ERROR_CASES: ErrorCases<EndpointName> = {
  createLoginToken: {
    ...keyedEndpointCases(
      (options) => api.create(validCreate(), options),
      () => outside.failing.add("createLoginToken"),
    ),
    INVALID_JSON: () => api.create(undefined, { rawBody: '{"expiresIn": 600,}' }),
    UNSUPPORTED_MEDIA_TYPE: () => api.create(undefined, { rawBody: "expiresIn=600", contentType: "application/x-www-form-urlencoded" }),
    PAYLOAD_TOO_LARGE: () => api.create({ expiresIn: 600, extra: "x".repeat(API_BODY_LIMIT_BYTES) }),
    VALIDATION_FAILED: () => api.create({ expiresIn: 59 }),
    CONTACT_NOT_FOUND: () => api.create({ contactId: 2_000_000_000, expiresIn: 600 }),
    CUSTOMER_NOT_FOUND: () => api.create({ customerId: 2_000_000_000, expiresIn: 600 }),
    EMAIL_NOT_FOUND: () => api.create({ email: `${unique("nobody")}@nowhere.test`, expiresIn: 600 }),
    EMAIL_AMBIGUOUS: async () => {
      const email = `${unique("both")}@buyer.test`;
      const company = await testDb.company.create({ data: { id: personId(), name: unique("Company") } });
      await testDb.contact.create({ data: { id: personId(), companyId: company.id, firstName: "Bo", lastName: "Th", email } });
      await testDb.customer.create({ data: { id: personId(), firstName: "Bo", lastName: "Th", email } });
      return api.create({ email, expiresIn: 600 });
    },
    REASON_REQUIRED: async () => {
      installation.env.REQUIRE_IMPERSONATION_REASON = true;
      return api.create({ contactId: (await createContact()).id, expiresIn: 600 });
    },
    ASSISTANCE_DENIED: async () => {
      const customer = await createCustomer();
      await testDb.customer.update({ where: { id: customer.id }, data: { assistanceAllowed: false } });
      return api.create({ customerId: customer.id, expiresIn: 600 });
    },
    PERSON_DEACTIVATED: async () => {
      const contact = await createContact();
      await testDb.contact.update({ where: { id: contact.id }, data: { deactivatedAt: new Date() } });
      return api.create({ contactId: contact.id, expiresIn: 600 });
    },
  },
  listLoginTokens: {
    ...keyedEndpointCases(
      (options) => api.list({}, options),
      () => outside.failing.add("listLoginTokens"),
    ),
    VALIDATION_FAILED: () => api.list({ limit: "101" }),
  },
  getLoginToken: {
    ...keyedEndpointCases(
      (options) => api.show(randomUUID(), options),
      () => outside.failing.add("getLoginToken"),
    ),
    VALIDATION_FAILED: () => api.show(generateTokenValue()),
    TOKEN_NOT_FOUND: () => api.show(randomUUID()),
  },
  deleteLoginToken: {
    ...keyedEndpointCases(
      (options) => api.remove(randomUUID(), options),
      () => outside.failing.add("deleteLoginToken"),
    ),
    VALIDATION_FAILED: () => api.remove("42"),
    TOKEN_NOT_FOUND: async () => {
      const token = await createToken({ deletedAt: new Date() });
      return api.remove(token.id);
    },
  },
  redeemLoginToken: {
    ...keyedEndpointCases(
      (options) => api.redeem({ token: generateTokenValue() }, options),
      () => outside.failing.add("redeemLoginToken"),
    ),
    INVALID_JSON: () => api.redeem(undefined, { rawBody: "{token: 'x'}" }),
    UNSUPPORTED_MEDIA_TYPE: () => api.redeem(undefined, { rawBody: "<token/>", contentType: "application/xml" }),
    PAYLOAD_TOO_LARGE: () => api.redeem({ token: "x".repeat(API_BODY_LIMIT_BYTES + 1) }),
    VALIDATION_FAILED: () => api.redeem({ token: 42 }),
    TOKEN_INVALID_OR_EXPIRED: async () => api.redeem({ token: (await createToken({ expiresAt: new Date(Date.now() - 1000) })).value }),
    RATE_LIMITED: async () => {
      installation.env.REDEEM_THROTTLE_MAX_FAILURES = 2;
      const client = apiClient((await createApiKeyRow()).key);
      for (let i = 0; i < 2; i++) expect((await client.redeem({ token: generateTokenValue() })).status).toBe(422);
      return client.redeem({ token: generateTokenValue() });
    },
  },
};

describe("every error code an endpoint documents is answered as the catalogue says", () => {
  itAnswersEveryDocumentedError(ERROR_CASES, () => apiKey.key);

  it("validation errors name each field, the API's name for it, and a message", async () => {
    expect((await errorOf(await api.create({ contactId: 2_000_000_000, expiresIn: 600 }))).details).toEqual([
      { path: "contactId", message: "That contact does not exist." },
    ]);
    const both = await errorOf(await api.create({ contactId: 1, email: "a@b.test", expiresIn: 600, expiresAt: inAnHour().toISOString() }));
    expect(both.details).toEqual([
      { path: "email", message: "Send at most one of contactId, customerId and email." },
      { path: "expiresAt", message: "Send either expiresIn or expiresAt, not both." },
    ]);
    expect((await errorOf(await api.create({}))).details).toEqual([
      { path: "expiresIn", message: "Send expiresIn (60 to 86400 seconds) or expiresAt (a future date-time)." },
    ]);
    expect((await errorOf(await api.create({ expiresAt: new Date(Date.now() - 60_000).toISOString() }))).details).toEqual([
      { path: "expiresAt", message: "The expiry must be in the future." },
    ]);
    expect(
      (await errorOf(await api.create({ expiresIn: 600, referrer: "https://shop.example.com/checkout", redirectPath: "//evil.example" }))).details?.map(
        (d) => d.path,
      ),
    ).toEqual(["referrer", "redirectPath"]);
    expect((await errorOf(await api.list({ successfulAttempts: "between:1", createdAtFrom: "yesterday" }))).details?.map((d) => d.path).sort()).toEqual([
      "createdAtFrom",
      "successfulAttempts",
    ]);
    expect((await errorOf(await api.list({ cursor: "bm90LWEtY3Vyc29y" }))).details).toEqual([
      { path: "cursor", message: "This cursor was not issued by this API. Start again without a cursor." },
    ]);
  });

  it("an empty body is read as {} so the answer says what is missing", async () => {
    const error = await errorOf(await api.redeem(undefined, { rawBody: "" }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "token" }] });
  });

  it("a non-JSON body that claims to be JSON is refused, and so is a JSON body of the wrong kind", async () => {
    expect((await errorOf(await api.create(undefined, { rawBody: "[1,2]" }))).code).toBe("VALIDATION_FAILED");
    expect((await api.create(validCreate(), { contentType: "application/json; charset=utf-8" })).status).toBe(201);
    expect((await api.create(validCreate(), { contentType: "application/vnd.api+json" })).status).toBe(201);
  });
});

// ─── Bounds and unknown fields ───────────────────────────────────────────────

describe("the bounds of expiresIn", () => {
  it.each([59, 86_401, 0, -60, 600.5])("refuses expiresIn %s", async (expiresIn) => {
    const error = await errorOf(await api.create({ expiresIn }));
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_FAILED", details: [{ path: "expiresIn" }] });
  });

  it.each([60, 86_400])("accepts expiresIn %s and expires the token that many seconds later", async (expiresIn) => {
    const before = Date.now();
    const response = await api.create({ expiresIn });
    expect(response.status).toBe(201);
    const { expiresAt } = await response.json();
    expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + expiresIn * 1000);
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Date.now() + expiresIn * 1000);
  });

  it("refuses a string or an expiresAt without a time zone", async () => {
    expect((await errorOf(await api.create({ expiresIn: "600" }))).details?.[0]?.path).toBe("expiresIn");
    expect((await errorOf(await api.create({ expiresAt: "2099-01-01T10:00:00" }))).details?.[0]?.path).toBe("expiresAt");
  });
});

describe("unknown fields are refused, not ignored", () => {
  it("in a create body, naming each one, and nothing is created", async () => {
    const before = await testDb.loginToken.count({ where: { createdByApiKeyId: apiKey.id } });
    const error = await errorOf(await api.create({ expiresIn: 600, one_time_use: false, userId: 5 }));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details?.map((d) => d.path).sort()).toEqual(["one_time_use", "userId"]);
    expect(error.details?.[0]?.message).toMatch(/^Unknown field/);
    expect(await testDb.loginToken.count({ where: { createdByApiKeyId: apiKey.id } })).toBe(before);
  });

  it("in a redeem body, and the token is not consumed", async () => {
    const token = await createToken({ oneTimeUse: true });
    const error = await errorOf(await api.redeem({ token: token.value, visitorId: "v1" }));
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "visitorId" }] });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ successfulAttempts: 0, failedAttempts: 0 });
  });

  it("in a query string, including on endpoints that take no query", async () => {
    expect(await errorOf(await api.list({ sort: "name" }))).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "sort", message: expect.stringMatching(/^Unknown query parameter/) }],
    });
    expect((await errorOf(await api.show(randomUUID(), { query: { include: "token" } }))).details).toEqual([
      { path: "include", message: "Unknown query parameter: remove it." },
    ]);
    expect((await errorOf(await api.create(validCreate(), { query: { debug: "1" } }))).code).toBe("VALIDATION_FAILED");
  });

  it("a query parameter sent twice is refused rather than one of them silently winning", async () => {
    const url = "/api/v1/login-tokens?limit=5&limit=50";
    const { GET } = await import("@/app/api/v1/login-tokens/route");
    const twice = await GET(new Request(new URL(url, "http://localhost:3999"), { headers: { authorization: `Bearer ${apiKey.key}` } }), {
      params: Promise.resolve({}),
    });
    expect(await errorOf(twice)).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "limit" }] });
  });
});

// ─── The secret stays secret ─────────────────────────────────────────────────

describe("the token value is returned by create only", () => {
  it("is absent from list and show, in JSON and in XML, and no response is cacheable", async () => {
    const contact = await createContact();
    const created = await (await api.create({ contactId: contact.id, expiresIn: 600 })).json();
    const { token, id } = created as { token: string; id: string };

    for (const format of ["application/json", "application/xml"]) {
      const listed = await api.list({ contactId: String(contact.id) }, { accept: format });
      const shown = await api.show(id, { accept: format });
      for (const response of [listed, shown]) {
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("no-store");
        const text = await response.text();
        expect(text).toContain(id);
        expect(text).not.toContain(token);
        expect(text).not.toMatch(/<token>|"token"/);
      }
    }
  });

  it("can be searched by value in the ids filter without the value being echoed", async () => {
    const token = await createToken();
    const response = await api.list({ ids: token.value });
    const text = await response.text();
    expect(JSON.parse(text).data.map((t: { id: string }) => t.id)).toEqual([token.id]);
    expect(text).not.toContain(token.value);
  });
});

// ─── Formats ─────────────────────────────────────────────────────────────────

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name, path) => path === "loginTokens.data.loginToken" || path === "error.details.detail",
});

/** The XML tree back into JSON's shape, with every leaf a string as XML has it. */
function fromXml(node: unknown): unknown {
  if (node && typeof node === "object" && !Array.isArray(node)) {
    const record = node as Record<string, unknown>;
    if (record["@_nil"] === "true") return null;
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fromXml(value)]));
  }
  if (Array.isArray(node)) return node.map(fromXml);
  return node === "" ? "" : node;
}

function leavesAsStrings(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(leavesAsStrings);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, leavesAsStrings(v)]));
  return String(value);
}

describe("content negotiation", () => {
  it("answers JSON without Accept, with */*, application/* and application/json", async () => {
    const token = await createToken();
    for (const accept of [undefined, "*/*", "application/*", "application/json", "application/json;q=0.5, text/html"]) {
      const response = await api.show(token.id, accept === undefined ? {} : { accept });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    }
  });

  it("answers the same data as XML for a success, nulls marked nil", async () => {
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, extra: 'Tom & Jerry <"quoted">', expiresAt: null });
    const json = await (await api.show(token.id)).json();
    const response = await api.show(token.id, { accept: "application/xml" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(text).toContain("<extra>Tom &amp; Jerry &lt;&quot;quoted&quot;&gt;</extra>");
    expect(text).toContain('<expiresAt nil="true"/>');
    expect(fromXml(xml.parse(text).loginToken)).toEqual(leavesAsStrings(json));
  });

  it("answers a list as XML with one element per token", async () => {
    const contact = await createContact();
    const tokens = [await createToken({ contactId: contact.id }), await createToken({ contactId: contact.id })];
    const text = await (await api.list({ contactId: String(contact.id) }, { accept: "application/xml" })).text();
    const parsed = xml.parse(text).loginTokens;
    expect(parsed.data.loginToken.map((t: { id: string }) => t.id).sort()).toEqual(tokens.map((t) => t.id).sort());
    expect(parsed.nextCursor).toEqual({ "@_nil": "true" });
  });

  it("answers an error as XML, details included, when XML is preferred", async () => {
    const missing = await api.show(randomUUID(), { key: null, accept: "application/xml" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(xml.parse(await missing.text()).error).toEqual({
      code: "API_KEY_MISSING",
      message: API_ERRORS.API_KEY_MISSING.message,
      solution: API_ERRORS.API_KEY_MISSING.solution,
    });

    const invalid = await api.create({ expiresIn: 86_401 }, { accept: "text/html;q=0.9, application/xml;q=0.8, application/json;q=0.1" });
    expect(invalid.status).toBe(422);
    const error = xml.parse(await invalid.text()).error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.detail).toEqual([{ path: "expiresIn", message: "expiresIn must be a whole number of seconds from 60 to 86400." }]);
  });

  it("answers 406 in JSON when the Accept allows neither format", async () => {
    for (const accept of ["text/csv", "application/json;q=0, application/xml;q=0", "text/html, image/*"]) {
      const response = await api.list({}, { accept });
      expect(response.status).toBe(406);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect((await response.json()).error.code).toBe("NOT_ACCEPTABLE");
    }
  });

  it("does not create a token when the answer could not be given in an acceptable format", async () => {
    const before = await testDb.loginToken.count({ where: { createdByApiKeyId: apiKey.id } });
    expect((await api.create(validCreate(), { accept: "text/csv" })).status).toBe(406);
    expect(await testDb.loginToken.count({ where: { createdByApiKeyId: apiKey.id } })).toBe(before);
  });
});

// ─── Pagination ──────────────────────────────────────────────────────────────

describe("keyset pagination", () => {
  it("walks every token exactly once while newer tokens are inserted between page fetches", async () => {
    const contact = await createContact();
    const base = Date.now() - 3_600_000;
    // Three share a creation instant, so the order between them rests on the id alone.
    const original = [];
    for (let i = 0; i < 10; i++) original.push(await createToken({ contactId: contact.id, createdAt: new Date(base + (i < 3 ? 0 : i) * 1000) }));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { contactId: String(contact.id), limit: "3", ...(cursor ? { cursor } : {}) };
      const response = await api.list(query);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { id: string; createdAt: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((token) => token.id));
      cursor = page.nextCursor;
      pages++;
      // Newer tokens arrive while the client is paging.
      await createToken({ contactId: contact.id });
      await api.create({ contactId: contact.id, expiresIn: 600 });
    } while (cursor && pages < 10);

    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(original.map((token) => token.id).sort());
  });

  it("orders by creation time, newest first, then by id", async () => {
    const contact = await createContact();
    const at = new Date(Date.now() - 7_200_000);
    for (let i = 0; i < 4; i++) await createToken({ contactId: contact.id, createdAt: at });
    const ids = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await (await api.list({ contactId: String(contact.id), limit: "1", ...(cursor ? { cursor } : {}) })).json()) as {
        data: { id: string }[];
        nextCursor: string | null;
      };
      ids.push(...page.data.map((token) => token.id));
      cursor = page.nextCursor;
    } while (cursor && ++pages < 10);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids).toHaveLength(4);
  });

  it("applies the back-office filters through the shared translation", async () => {
    const contact = await createContact();
    const used = await createToken({ contactId: contact.id, oneTimeUse: true });
    await createToken({ contactId: contact.id, oneTimeUse: false, successfulAttempts: 5, failedAttempts: 2 });
    await createToken({ contactId: contact.id, oneTimeUse: true, expiresAt: new Date(Date.now() - 60_000) });
    await createToken({ contactId: contact.id, deletedAt: new Date() });
    expect((await api.redeem({ token: used.value })).status).toBe(200);

    const count = async (query: Record<string, string>) =>
      ((await (await api.list({ contactId: String(contact.id), ...query })).json()) as { data: unknown[] }).data.length;
    // The used one is listed until it is deleted; only the deleted one is gone.
    expect(await count({})).toBe(3);
    expect(await count({ status: "USED" })).toBe(1);
    expect(await count({ status: "ACTIVE" })).toBe(1);
    expect(await count({ status: "EXPIRED" })).toBe(1);
    expect(await count({ oneTimeUse: "false" })).toBe(1);
    expect(await count({ successfulAttempts: "gte:5" })).toBe(1);
    expect(await count({ failedAttempts: "2" })).toBe(1);
    expect(await count({ userType: "CUSTOMER" })).toBe(0);
    expect(await count({ createdAtFrom: new Date(Date.now() + 60_000).toISOString() })).toBe(0);
  });
});

// ─── API keys ────────────────────────────────────────────────────────────────

describe("API keys", () => {
  it("a revoked key is refused with the same answer as an unknown one", async () => {
    const key = await createApiKeyRow();
    const client = apiClient(key.key);
    expect((await client.list({ limit: "1" })).status).toBe(200);
    const editor = await createStaff("editor");
    await revokeApiKey(key.id, { actor: { type: "STAFF", id: editor.id, name: editor.name }, meta: { ip: null, userAgent: null } });

    const revoked = await errorOf(await client.list({ limit: "1" }));
    const unknown = await errorOf(await apiClient(issueApiKey().key).list({ limit: "1" }));
    expect(revoked).toEqual(unknown);
    expect(revoked).toMatchObject({ status: 401, code: "API_KEY_INVALID" });
    expect((await client.create(validCreate())).status).toBe(401);
  });

  it("refuses a key sent any other way than as a Bearer credential", async () => {
    const list = (headers: Record<string, string>) => api.list({}, { key: null, headers });
    expect((await errorOf(await list({ authorization: `Basic ${Buffer.from(`x:${apiKey.key}`).toString("base64")}` }))).code).toBe("API_KEY_MISSING");
    expect((await errorOf(await list({ authorization: "Bearer" }))).code).toBe("API_KEY_MISSING");
    expect((await errorOf(await list({ "x-api-key": apiKey.key }))).code).toBe("API_KEY_MISSING");
    expect((await list({ authorization: `bearer   ${apiKey.key}` })).status).toBe(200);
  });

  it("stamps lastUsedAt on use, at most once a minute", async () => {
    const key = await createApiKeyRow();
    const client = apiClient(key.key);
    const lastUsed = async () => (await testDb.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    await client.list({ limit: "1" });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await client.list({ limit: "1" });
    await client.show(randomUUID());
    expect(await lastUsed()).toEqual(first);

    // A minute later (moved back rather than waited for), the next call stamps it again.
    const aMinuteAgo = new Date(Date.now() - 61_000);
    await testDb.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: aMinuteAgo } });
    await client.list({ limit: "1" });
    expect((await lastUsed())!.getTime()).toBeGreaterThan(aMinuteAgo.getTime() + 60_000);
  });

  it("writes lastUsedAt once when many requests on many instances see a stale stamp together", async () => {
    const key = await createApiKeyRow({ lastUsedAt: new Date(Date.now() - 3_600_000) });
    const principals = await Promise.all(Array.from({ length: 12 }, () => authenticateApiKey(key.key)));
    expect(principals.every((principal) => principal?.id === key.id)).toBe(true);
    expect(principals.filter((principal) => principal?.stamped)).toHaveLength(1);
  });

  it("finds the key by its hash: the database holds no key", async () => {
    const key = await createApiKeyRow();
    const row = await testDb.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(Buffer.from(row.keyHash).equals(Buffer.from(hashApiKey(key.key)))).toBe(true);
    expect(JSON.stringify({ ...row, keyHash: null })).not.toContain(key.key.slice(12));
  });
});

// ─── Redemption ──────────────────────────────────────────────────────────────

describe("redeem", () => {
  it("redeems a one-time token exactly once under 50 concurrent calls through the handler", async () => {
    const client = apiClient((await createApiKeyRow()).key);
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, oneTimeUse: true, expiresAt: inAnHour() });

    const responses = await Promise.all(Array.from({ length: 50 }, () => client.redeem({ token: token.value })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    // The losers are refused, or throttled once the key's failures pile up; never a second success.
    const codes = await Promise.all(responses.filter((r) => r.status !== 200).map(async (r) => (await r.json()).error.code));
    expect(new Set(codes)).toEqual(new Set(codes.filter((code) => code === "TOKEN_INVALID_OR_EXPIRED" || code === "RATE_LIMITED")));
    const refused = codes.filter((code) => code === "TOKEN_INVALID_OR_EXPIRED").length;

    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row).toMatchObject({ successfulAttempts: 1, failedAttempts: refused });
    expect(row.usedAt).not.toBeNull();
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.redeemed" } })).toBe(1);
  });

  it("gives one and the same answer for every kind of refusal, referrer mismatch included", async () => {
    const client = apiClient((await createApiKeyRow()).key);
    const used = await createToken({ oneTimeUse: true });
    await client.redeem({ token: used.value });
    const locked = await createToken();
    await testDb.loginToken.update({ where: { id: locked.id }, data: { lockedAt: new Date() } });
    const withReferrer = await createToken({ referrer: "https://procurement.example.com" });

    const refusals = {
      unknown: { token: generateTokenValue() },
      malformed: { token: "not a token" },
      expired: { token: (await createToken({ expiresAt: new Date(Date.now() - 1000) })).value },
      used: { token: used.value },
      deleted: { token: (await createToken({ deletedAt: new Date() })).value },
      locked: { token: locked.value },
      "referrer missing": { token: withReferrer.value },
      "referrer mismatch": { token: withReferrer.value, referrer: "https://evil.example.com/login" },
    };
    const answers = [];
    for (const [kind, body] of Object.entries(refusals)) {
      const response = await client.redeem(body);
      answers.push({ kind, status: response.status, headers: [...response.headers.entries()].sort(), body: await response.text() });
    }
    const [first, ...rest] = answers;
    for (const answer of rest) expect({ ...answer, kind: first!.kind }).toEqual(first);
    expect(JSON.parse(first!.body).error.code).toBe("TOKEN_INVALID_OR_EXPIRED");

    // The right referrer, sent as the full Referer of the browser, redeems.
    expect((await client.redeem({ token: withReferrer.value, referrer: "https://procurement.example.com/punchout?session=1" })).status).toBe(200);
  });

  it("checks the key in the redeeming statement: an unknown or revoked key changes nothing, a live one is stamped", async () => {
    const revoked = await createApiKeyRow({ revokedAt: new Date() });
    const token = await createToken({ oneTimeUse: true });
    for (const key of [revoked.key, issueApiKey().key]) {
      const response = await apiClient(key).redeem({ token: token.value });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("API_KEY_INVALID");
    }
    // Not consumed, no failure counted against the token, no event, no throttle count.
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({
      successfulAttempts: 0,
      failedAttempts: 0,
      deletedAt: null,
      lastAccessedAt: null,
    });
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id } })).toBe(0);
    expect(
      await testDb.rateLimitCounter.count({ where: { key: { startsWith: "redeem:apikey:" + Buffer.from(hashApiKey(revoked.key)).toString("hex", 0, 16) } } }),
    ).toBe(0);

    const live = await createApiKeyRow();
    expect((await apiClient(live.key).redeem({ token: token.value })).status).toBe(200);
    expect((await testDb.apiKey.findUniqueOrThrow({ where: { id: live.id } })).lastUsedAt).not.toBeNull();
    expect((await testDb.apiKey.findUniqueOrThrow({ where: { id: revoked.id } })).lastUsedAt).toBeNull();
  });

  it("throttles per API key: another key is not blocked by the first one's failures", async () => {
    installation.env.REDEEM_THROTTLE_MAX_FAILURES = 1;
    const noisy = apiClient((await createApiKeyRow()).key);
    const quiet = apiClient((await createApiKeyRow()).key);
    await noisy.redeem({ token: generateTokenValue() });
    const throttled = await noisy.redeem({ token: generateTokenValue() });
    expect(throttled.status).toBe(429);
    const token = await createToken();
    expect((await quiet.redeem({ token: token.value })).status).toBe(200);
  });
});
