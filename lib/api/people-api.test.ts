import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as companiesRoute from "@/app/api/v1/companies/route";
import * as companyRoute from "@/app/api/v1/companies/[id]/route";
import * as contactsRoute from "@/app/api/v1/contacts/route";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as customerRoute from "@/app/api/v1/customers/[id]/route";
import * as batchRoute from "@/app/api/v1/people/batch/route";
import * as redeemRoute from "@/app/api/v1/login-tokens/redeem/route";
import {
  apiRequest,
  createApiKeyRow,
  documentedResponse,
  itAnswersEveryDocumentedError,
  keyedEndpointCases,
  type CallOptions,
  type ErrorCases,
} from "@/test/api-test-kit";
import type { PeopleEndpointName } from "@/lib/api/people-schemas";
import { testDb } from "@/test/db";
import { createCompany, createContact, createCustomer, createToken, personId, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";

// Outside the unit: the installation's configuration, and failures a healthy test database never has.
const outside = vi.hoisted(() => ({ failing: false }));

vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));

vi.mock("@/lib/pg", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/pg")>();
  const failing = {
    query: () => Promise.reject(new Error("simulated failure at /srv/latchkey/lib/secret-internals.ts:42")),
    connect: () => Promise.reject(new Error("simulated failure at /srv/latchkey/lib/secret-internals.ts:42")),
  };
  return { ...actual, pool: () => (outside.failing ? failing : actual.pool()) };
});

afterEach(() => {
  outside.failing = false;
});

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

let key: string;
let apiKeyId: string;

beforeAll(async () => {
  const row = await createApiKeyRow();
  key = row.key;
  apiKeyId = row.id;
});

function call(handler: Handler, method: string, path: string, options: CallOptions = {}, params: Record<string, string> = {}) {
  return handler(apiRequest(method, path, options, key), { params: Promise.resolve(params) });
}

const api = {
  putCompany: (id: number | string, body: unknown, options: CallOptions = {}) =>
    call(companyRoute.PUT, "PUT", `/api/v1/companies/${id}`, { body, ...options }, { id: String(id) }),
  getCompany: (id: number | string, options: CallOptions = {}) => call(companyRoute.GET, "GET", `/api/v1/companies/${id}`, options, { id: String(id) }),
  listCompanies: (query: Record<string, string> = {}, options: CallOptions = {}) => call(companiesRoute.GET, "GET", "/api/v1/companies", { query, ...options }),
  putContact: (id: number | string, body: unknown, options: CallOptions = {}) =>
    call(contactRoute.PUT, "PUT", `/api/v1/contacts/${id}`, { body, ...options }, { id: String(id) }),
  getContact: (id: number | string, options: CallOptions = {}) => call(contactRoute.GET, "GET", `/api/v1/contacts/${id}`, options, { id: String(id) }),
  deleteContact: (id: number | string, options: CallOptions = {}) => call(contactRoute.DELETE, "DELETE", `/api/v1/contacts/${id}`, options, { id: String(id) }),
  listContacts: (query: Record<string, string> = {}, options: CallOptions = {}) => call(contactsRoute.GET, "GET", "/api/v1/contacts", { query, ...options }),
  putCustomer: (id: number | string, body: unknown, options: CallOptions = {}) =>
    call(customerRoute.PUT, "PUT", `/api/v1/customers/${id}`, { body, ...options }, { id: String(id) }),
  getCustomer: (id: number | string, options: CallOptions = {}) => call(customerRoute.GET, "GET", `/api/v1/customers/${id}`, options, { id: String(id) }),
  deleteCustomer: (id: number | string, options: CallOptions = {}) =>
    call(customerRoute.DELETE, "DELETE", `/api/v1/customers/${id}`, options, { id: String(id) }),
  listCustomers: (query: Record<string, string> = {}, options: CallOptions = {}) => call(customersRoute.GET, "GET", "/api/v1/customers", { query, ...options }),
  batch: (body: unknown, options: CallOptions = {}) => call(batchRoute.POST, "POST", "/api/v1/people/batch", { body, ...options }),
  redeem: (body: unknown) => call(redeemRoute.POST, "POST", "/api/v1/login-tokens/redeem", { body }),
};

const contactBody = (companyId: number, overrides: Record<string, unknown> = {}) => {
  const tag = unique("sync");
  return { companyId, firstName: "Saskia", lastName: tag, email: `${tag}@buyer.test`, ...overrides };
};
const customerBody = (overrides: Record<string, unknown> = {}) => {
  const tag = unique("sync");
  return { firstName: "Sven", lastName: tag, email: `${tag}@shopper.test`, ...overrides };
};

async function json(response: Response) {
  return (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const syncEvents = (action: string, id: number) =>
  testDb.auditEvent.count({ where: { action, actorApiKeyId: apiKeyId, details: { path: ["id"], equals: id } } });

describe("PUT creates and updates by the webshop's id, and is idempotent", () => {
  it("a company: created, then unchanged (no updatedAt bump, no event), then updated", async () => {
    const id = personId();
    const name = unique("Brouwer B.V.");
    const created = await api.putCompany(id, { name });
    expect(created.status).toBe(200);
    const first = await json(created);
    expect(documentedResponse("putCompany", 200).safeParse(first).error).toBeUndefined();
    expect(first).toMatchObject({ result: "created", company: { id, name, assistanceAllowed: true } });

    const again = await json(await api.putCompany(id, { name }));
    expect(again).toMatchObject({ result: "unchanged", company: { updatedAt: first.company.updatedAt } });
    expect(await syncEvents("person.created", id)).toBe(1);
    expect(await syncEvents("person.updated", id)).toBe(0);

    const renamed = await json(await api.putCompany(id, { name: `${name} Holding`, assistanceAllowed: false }));
    expect(renamed).toMatchObject({ result: "updated", company: { name: `${name} Holding`, assistanceAllowed: false } });
    expect(Date.parse(renamed.company.updatedAt)).toBeGreaterThan(Date.parse(first.company.updatedAt));
    expect(await syncEvents("person.updated", id)).toBe(1);

    const shown = await api.getCompany(id);
    expect(documentedResponse("getCompany", 200).safeParse(await json(shown)).error).toBeUndefined();
  });

  it("a contact: lower-cased email, the installation's assistance default for a new one, kept when left out", async () => {
    installation.env.ASSISTANCE_DEFAULT = "denied";
    const company = await createCompany();
    const id = personId();
    const body = contactBody(company.id, { email: `Mixed.${unique("Case")}@Buyer.TEST` });
    const created = await json(await api.putContact(id, body));
    expect(documentedResponse("putContact", 200).safeParse(created).error).toBeUndefined();
    expect(created).toMatchObject({
      result: "created",
      contact: { id, email: body.email.toLowerCase(), assistanceAllowed: false, active: true, companyId: company.id, liveTokens: 0 },
    });

    expect((await json(await api.putContact(id, { ...body, email: body.email.toUpperCase() }))).result).toBe("unchanged");
    expect((await json(await api.putContact(id, { ...body, assistanceAllowed: true }))).contact.assistanceAllowed).toBe(true);
    installation.env.ASSISTANCE_DEFAULT = "allowed";
    const kept = await json(await api.putContact(id, { ...body, firstName: "Sas" }));
    expect(kept).toMatchObject({ result: "updated", contact: { firstName: "Sas", assistanceAllowed: true } });
    expect(documentedResponse("getContact", 200).safeParse(await json(await api.getContact(id))).error).toBeUndefined();
  });

  it("a customer, shown by id and found by an email prefix, a name prefix and in pages by cursor", async () => {
    const lastName = unique("Pagewise");
    const ids = [personId(), personId(), personId()];
    for (const [index, id] of ids.entries()) {
      const response = await api.putCustomer(id, customerBody({ firstName: `F${index}`, lastName, email: `${lastName}.${index}@shopper.test`.toLowerCase() }));
      expect(documentedResponse("putCustomer", 200).safeParse(await json(response)).error).toBeUndefined();
    }
    expect(documentedResponse("getCustomer", 200).safeParse(await json(await api.getCustomer(ids[0]!))).error).toBeUndefined();

    const first = await json(await api.listCustomers({ search: lastName.toUpperCase(), limit: "2" }));
    expect(documentedResponse("listCustomers", 200).safeParse(first).error).toBeUndefined();
    expect(first.data.map((c: { firstName: string }) => c.firstName)).toEqual(["F0", "F1"]);
    const second = await json(await api.listCustomers({ search: lastName, limit: "2", cursor: first.nextCursor }));
    expect(second.data.map((c: { firstName: string }) => c.firstName)).toEqual(["F2"]);
    expect(second.nextCursor).toBeNull();
    expect((await json(await api.listCustomers({ search: `F1 ${lastName}` }))).data.map((c: { id: number }) => c.id)).toEqual([ids[1]]);
  });

  it("lists contacts by company and by a prefix of the company's name, and companies by name", async () => {
    const companyName = unique("Zeilmakerij");
    const companyId = personId();
    await api.putCompany(companyId, { name: companyName });
    const contactId = personId();
    await api.putContact(contactId, contactBody(companyId));
    const byCompany = await json(await api.listContacts({ companyId: String(companyId) }));
    expect(documentedResponse("listContacts", 200).safeParse(byCompany).error).toBeUndefined();
    expect(byCompany.data.map((c: { id: number }) => c.id)).toEqual([contactId]);
    expect((await json(await api.listContacts({ search: companyName.slice(0, -2).toLowerCase() }))).data.map((c: { id: number }) => c.id)).toEqual([contactId]);
    const companies = await json(await api.listCompanies({ search: companyName }));
    expect(documentedResponse("listCompanies", 200).safeParse(companies).error).toBeUndefined();
    expect(companies.data.map((c: { id: number }) => c.id)).toEqual([companyId]);
  });

  it("takes a search of % or _ literally", async () => {
    expect((await json(await api.listCustomers({ search: "%" }))).data).toEqual([]);
  });
});

describe("DELETE deactivates", () => {
  it("a live token stops redeeming at once, the person's shop session ends, tokens and history stay; a PUT reactivates", async () => {
    const contact = await createContact();
    const token = await createToken({ contactId: contact.id, oneTimeUse: false, expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await api.redeem({ token: token.value })).status).toBe(200);
    await testDb.shopSession.create({
      data: { sessionHash: randomBytes(32), loginTokenId: token.id, userType: "CONTACT", contactId: contact.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await testDb.shopSession.count({ where: { contactId: contact.id } })).toBe(1);

    const response = await api.deleteContact(contact.id);
    expect(response.status).toBe(204);
    expect(await testDb.shopSession.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await api.redeem({ token: token.value })).status).toBe(422);
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ deletedAt: null, successfulAttempts: 1, failedAttempts: 1 });
    expect(await json(await api.getContact(contact.id))).toMatchObject({ active: false });
    expect(await syncEvents("person.deactivated", contact.id)).toBe(1);

    expect((await api.deleteContact(contact.id)).status).toBe(204);
    expect(await syncEvents("person.deactivated", contact.id)).toBe(1);

    const reactivated = await json(
      await api.putContact(contact.id, { companyId: contact.companyId, firstName: contact.firstName, lastName: contact.lastName, email: contact.email }),
    );
    expect(reactivated).toMatchObject({ result: "updated", contact: { active: true, deactivatedAt: null } });
    expect((await api.redeem({ token: token.value })).status).toBe(200);
  });

  it("a customer the same way", async () => {
    const customer = await createCustomer();
    const token = await createToken({ customerId: customer.id, oneTimeUse: true });
    expect((await api.deleteCustomer(customer.id)).status).toBe(204);
    expect((await api.redeem({ token: token.value })).status).toBe(422);
    expect(await json(await api.getCustomer(customer.id))).toMatchObject({ active: false, liveTokens: 1 });
  });
});

describe("POST /people/batch", () => {
  it("answers each item of a mixed batch on its own, in one go, and a bad item stops no other", async () => {
    const taken = await createCustomer();
    const alsoTaken = await createCustomer();
    const companyId = personId();
    const existing = await createContact();
    const same = { companyId: existing.companyId, firstName: existing.firstName, lastName: existing.lastName, email: existing.email };
    const newContactId = personId();
    const items = [
      { kind: "company", id: companyId, name: unique("Batch Co") },
      { kind: "contact", id: newContactId, ...contactBody(companyId) },
      { kind: "contact", id: existing.id, ...same },
      { kind: "contact", id: existing.id, ...same, firstName: "Twice" },
      { kind: "customer", id: personId(), ...customerBody({ email: alsoTaken.email.toUpperCase() }) },
      { kind: "contact", id: personId(), ...contactBody(2_000_000_001) },
      { kind: "customer", id: personId(), ...customerBody({ email: "not-an-email", nickname: "x" }) },
      { kind: "staff", id: 1 },
      { kind: "customer", id: taken.id, ...customerBody({ email: taken.email, firstName: "Renamed" }) },
    ];
    const response = await api.batch({ items });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(documentedResponse("upsertPeopleBatch", 200).safeParse(body).error).toBeUndefined();
    const summary = body.results.map((r: { result: string; error?: { code: string; details: { path: string }[] } }) =>
      r.error ? `${r.error.code} ${r.error.details.map((d) => d.path).join(",")}` : r.result,
    );
    expect(summary).toEqual([
      "created",
      "created",
      "unchanged",
      "DUPLICATE_IN_BATCH items.3.id",
      "EMAIL_TAKEN items.4.email",
      "COMPANY_UNKNOWN items.5.companyId",
      "VALIDATION_FAILED items.6.email,items.6.nickname",
      "VALIDATION_FAILED items.7.kind",
      "updated",
    ]);
    expect(body.counts).toEqual({ created: 2, updated: 1, unchanged: 1, error: 5 });
    expect(await testDb.contact.findUnique({ where: { id: newContactId } })).toMatchObject({ companyId });
    expect(await testDb.customer.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({ firstName: "Renamed" });
    expect(await testDb.contact.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ firstName: existing.firstName });
    const events = await testDb.auditEvent.findMany({ where: { action: "people.synced", actorApiKeyId: apiKeyId }, orderBy: { id: "desc" }, take: 1 });
    expect(events[0]?.details).toEqual({ created: 2, updated: 1, unchanged: 1, refused: 5, channel: "api" });
  });

  it("the same batch twice changes nothing the second time, and writes no event", async () => {
    const items = Array.from({ length: 50 }, () => ({ kind: "customer", id: personId(), ...customerBody() }));
    expect((await json(await api.batch({ items }))).counts).toMatchObject({ created: 50 });
    const before = await testDb.auditEvent.count({ where: { action: "people.synced" } });
    const stamps = await testDb.customer.findMany({ where: { id: { in: items.map((item) => item.id) } }, select: { updatedAt: true } });
    expect((await json(await api.batch({ items }))).counts).toEqual({ created: 0, updated: 0, unchanged: 50, error: 0 });
    expect(await testDb.auditEvent.count({ where: { action: "people.synced" } })).toBe(before);
    const after = await testDb.customer.findMany({ where: { id: { in: items.map((item) => item.id) } }, select: { updatedAt: true } });
    expect(after.map((row) => row.updatedAt.getTime()).sort()).toEqual(stamps.map((row) => row.updatedAt.getTime()).sort());
  });

  it("the tokens of the people it renames carry their new names; the tokens of the others keep theirs", async () => {
    const [renamed, alsoRenamed, emailOnly] = [await createContact(), await createContact(), await createCustomer()];
    const tokens = [
      await createToken({ contactId: renamed.id, userName: "As issued" }),
      await createToken({ contactId: renamed.id, userName: "As issued" }),
      await createToken({ contactId: alsoRenamed.id, userName: "As issued" }),
      await createToken({ customerId: emailOnly.id, userName: "As issued" }),
    ];
    const contactItem = (contact: typeof renamed, overrides: Record<string, unknown>) => ({
      kind: "contact",
      id: contact.id,
      companyId: contact.companyId,
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.email,
      ...overrides,
    });
    const items = [
      contactItem(renamed, { firstName: "Renata" }),
      contactItem(alsoRenamed, { lastName: `${alsoRenamed.lastName}-Wed` }),
      { kind: "customer", id: emailOnly.id, firstName: emailOnly.firstName, lastName: emailOnly.lastName, email: `moved-${emailOnly.email}` },
    ];
    expect((await json(await api.batch({ items }))).counts).toEqual({ created: 0, updated: 3, unchanged: 0, error: 0 });
    const names = await testDb.loginToken.findMany({ where: { id: { in: tokens.map((token) => token.id) } }, select: { id: true, userName: true } });
    expect(tokens.map((token) => names.find((row) => row.id === token.id)?.userName)).toEqual([
      `Renata ${renamed.lastName}`,
      `Renata ${renamed.lastName}`,
      `${alsoRenamed.firstName} ${alsoRenamed.lastName}-Wed`,
      "As issued",
    ]);
  });

  it("stores names as sent, whatever an array literal or JSON would have to escape", async () => {
    const piece = fc.constantFrom('"', "\\", "{", "}", ",", "'", " ", "NULL", "(", ")", "é", "😀", "a", "Z");
    const awkwardName = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => `x${pieces.join("")}x`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(awkwardName, awkwardName), { minLength: 1, maxLength: 4 }), async (names) => {
        const items = names.map(([firstName, lastName]) => ({ kind: "customer", id: personId(), ...customerBody({ firstName, lastName }) }));
        expect((await json(await api.batch({ items }))).counts).toEqual({ created: items.length, updated: 0, unchanged: 0, error: 0 });
        const stored = await testDb.customer.findMany({
          where: { id: { in: items.map((item) => item.id) } },
          select: { id: true, firstName: true, lastName: true },
        });
        expect(items.map((item) => stored.find((row) => row.id === item.id))).toEqual(
          items.map((item) => ({ id: item.id, firstName: item.firstName, lastName: item.lastName })),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("takes 1,000 items, which is more than the other endpoints' body limit", async () => {
    const items = Array.from({ length: 1000 }, () => ({ kind: "customer", id: personId(), ...customerBody() }));
    expect((await json(await api.batch({ items }))).counts).toMatchObject({ created: 1000 });
  });
});

// ─── Every error code of every endpoint ──────────────────────────────────────

const failInside = () => {
  outside.failing = true;
};

/** A list's cases: the shared ones, and a query it refuses. */
const listCases = (list: (query?: Record<string, string>, options?: CallOptions) => Promise<Response>, refused: Record<string, string>) => ({
  ...keyedEndpointCases((options) => list({}, options), failInside),
  VALIDATION_FAILED: () => list(refused),
});

/** The cases of an endpoint of one person or company: the shared ones, an id it refuses, and one no row has. */
const oneCases = (call: (id: number | string, options?: CallOptions) => Promise<Response>, refusedId: string, missingId: number) => ({
  ...keyedEndpointCases((options) => call(1, options), failInside),
  VALIDATION_FAILED: () => call(refusedId),
  PERSON_NOT_FOUND: () => call(missingId),
});

const ERROR_CASES: ErrorCases<PeopleEndpointName> = {
  putCompany: {
    ...keyedEndpointCases((options) => api.putCompany(personId(), { name: "x" }, options), failInside),
    INVALID_JSON: () => api.putCompany(1, undefined, { rawBody: "{name:" }),
    UNSUPPORTED_MEDIA_TYPE: () => api.putCompany(1, undefined, { rawBody: "name=x", contentType: "application/x-www-form-urlencoded" }),
    PAYLOAD_TOO_LARGE: () => api.putCompany(1, { name: "x".repeat(70_000) }),
    VALIDATION_FAILED: () => api.putCompany("abc", { name: "" }),
  },
  putContact: {
    ...keyedEndpointCases((options) => api.putContact(personId(), contactBody(1), options), failInside),
    INVALID_JSON: () => api.putContact(1, undefined, { rawBody: "[" }),
    UNSUPPORTED_MEDIA_TYPE: () => api.putContact(1, undefined, { rawBody: "<contact/>", contentType: "application/xml" }),
    PAYLOAD_TOO_LARGE: () => api.putContact(1, { firstName: "x".repeat(70_000) }),
    VALIDATION_FAILED: () => api.putContact(1, { companyId: 1, firstName: "A", lastName: "B", email: "nope" }),
    EMAIL_TAKEN: async () => {
      const other = await createContact();
      return api.putContact(personId(), contactBody(other.companyId, { email: other.email.toUpperCase() }));
    },
    COMPANY_UNKNOWN: () => api.putContact(personId(), contactBody(2_000_000_002)),
  },
  putCustomer: {
    ...keyedEndpointCases((options) => api.putCustomer(personId(), customerBody(), options), failInside),
    INVALID_JSON: () => api.putCustomer(1, undefined, { rawBody: "{'a': 1}" }),
    UNSUPPORTED_MEDIA_TYPE: () => api.putCustomer(1, undefined, { rawBody: "a", contentType: "text/plain" }),
    PAYLOAD_TOO_LARGE: () => api.putCustomer(1, { firstName: "x".repeat(70_000) }),
    VALIDATION_FAILED: () => api.putCustomer(0, customerBody()),
    EMAIL_TAKEN: async () => api.putCustomer(personId(), customerBody({ email: (await createCustomer()).email })),
  },
  listCompanies: listCases(api.listCompanies, { cursor: "not-ours" }),
  getCompany: oneCases(api.getCompany, "2147483648", 2_000_000_003),
  listContacts: listCases(api.listContacts, { status: "asleep" }),
  getContact: oneCases(api.getContact, "1.5", 2_000_000_004),
  deactivateContact: oneCases(api.deleteContact, "-3", 2_000_000_005),
  listCustomers: listCases(api.listCustomers, { limit: "0" }),
  getCustomer: oneCases(api.getCustomer, "x", 2_000_000_006),
  deactivateCustomer: oneCases(api.deleteCustomer, "0", 2_000_000_007),
  upsertPeopleBatch: {
    ...keyedEndpointCases((options) => api.batch({ items: [{ kind: "customer", id: personId(), ...customerBody() }] }, options), failInside),
    INVALID_JSON: () => api.batch(undefined, { rawBody: "{items: []}" }),
    UNSUPPORTED_MEDIA_TYPE: () => api.batch(undefined, { rawBody: "a,b", contentType: "text/csv" }),
    PAYLOAD_TOO_LARGE: () => api.batch({ items: [{ kind: "company", id: 1, name: "x".repeat(1024 * 1024) }] }),
    VALIDATION_FAILED: () => api.batch({ items: Array.from({ length: 1001 }, () => ({})) }),
  },
};

describe("every error code a people endpoint documents is answered as the catalogue says", () => {
  itAnswersEveryDocumentedError(ERROR_CASES, () => key);

  it("a refused PUT changes nothing and names the field", async () => {
    const other = await createCustomer();
    const id = personId();
    const response = await json(await api.putCustomer(id, customerBody({ email: other.email })));
    expect(response.error.details).toEqual([{ path: "email", message: "Another customer already has this email address." }]);
    expect(await testDb.customer.findUnique({ where: { id } })).toBeNull();
  });
});
