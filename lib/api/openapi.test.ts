import { describe, expect, it } from "vitest";
import * as catchAllRoute from "@/app/api/v1/[...path]/route";
import * as itemRoute from "@/app/api/v1/login-tokens/[id]/route";
import * as redeemRoute from "@/app/api/v1/login-tokens/redeem/route";
import * as collectionRoute from "@/app/api/v1/login-tokens/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as companiesRoute from "@/app/api/v1/companies/route";
import * as companyRoute from "@/app/api/v1/companies/[id]/route";
import * as contactsRoute from "@/app/api/v1/contacts/route";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import * as customersRoute from "@/app/api/v1/customers/route";
import * as customerRoute from "@/app/api/v1/customers/[id]/route";
import * as batchRoute from "@/app/api/v1/people/batch/route";
import { ALL_ENDPOINTS } from "@/lib/api/endpoints";
import { BASE_URL, documentedResponse } from "@/test/api-test-kit";
import { API_ERRORS, API_ERROR_CODES } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/api/openapi";
import { API_ENDPOINTS, type EndpointName } from "@/lib/api/endpoint-registry";
import { z } from "zod";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const document = openApiDocument(BASE_URL) as unknown as Json;

const ROUTES: Record<string, Record<string, unknown>> = {
  "/api/v1/login-tokens": collectionRoute,
  "/api/v1/login-tokens/{id}": itemRoute,
  "/api/v1/login-tokens/redeem": redeemRoute,
  "/api/v1/companies": companiesRoute,
  "/api/v1/companies/{id}": companyRoute,
  "/api/v1/contacts": contactsRoute,
  "/api/v1/contacts/{id}": contactRoute,
  "/api/v1/customers": customersRoute,
  "/api/v1/customers/{id}": customerRoute,
  "/api/v1/people/batch": batchRoute,
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** A request schema from the document, compiled: what an integrator's tooling would check. */
function documentedRequestBody(endpoint: EndpointName) {
  const spec = API_ENDPOINTS[endpoint];
  const schema = document.paths[spec.path][spec.method].requestBody.content["application/json"].schema;
  const name = String(schema.$ref).split("/").pop()!;
  return z.fromJSONSchema(document.components.schemas[name]);
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a bearer scheme required on every operation", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: BASE_URL }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    for (const spec of Object.values(ALL_ENDPOINTS)) {
      expect(document.paths[spec.path][spec.method]).toMatchObject({ operationId: spec.operationId, security: [{ apiKey: [] }] });
    }
  });

  it("has exactly the operations the route files handle, and every other method answers 405", async () => {
    const documented = Object.entries(document.paths as Json).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      Object.values(ALL_ENDPOINTS)
        .map((spec) => `${spec.method.toUpperCase()} ${spec.path}`)
        .sort(),
    );
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(document.paths).sort());

    for (const [path, route] of Object.entries(ROUTES)) {
      const allowed = METHODS.filter((method) => document.paths[path][method.toLowerCase()]);
      for (const method of METHODS) {
        const handler = route[method] as (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
        expect(handler, `${method} ${path}`).toBeTypeOf("function");
        if (allowed.includes(method)) continue;
        const response = await handler(new Request(`${BASE_URL}${path}`, { method }), { params: Promise.resolve({}) });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allowed.join(", "));
        expect((await response.json()).error.code).toBe("METHOD_NOT_ALLOWED");
      }
    }
  });

  it("describes the create body with the handler's own rules: strict, bounded, typed", () => {
    const body = documentedRequestBody("createLoginToken");
    expect(body.safeParse({ expiresIn: 60 }).success).toBe(true);
    expect(body.safeParse({ expiresIn: 86_400, email: "a@b.test", oneTimeUse: false }).success).toBe(true);
    expect(body.safeParse({ expiresIn: 59 }).success).toBe(false);
    expect(body.safeParse({ expiresIn: 86_401 }).success).toBe(false);
    expect(body.safeParse({ expiresIn: 60, token: "mine" }).success).toBe(false);
    expect(documentedRequestBody("redeemLoginToken").safeParse({ token: "x", tokenId: "y" }).success).toBe(false);
  });

  it("documents the list's query parameters and their limits", () => {
    const parameters = document.paths["/api/v1/login-tokens"].get.parameters as Json[];
    expect(parameters.map((p) => p.name)).toEqual(Object.keys(API_ENDPOINTS.listLoginTokens.query.shape));
    expect(parameters.find((p) => p.name === "limit")).toMatchObject({ in: "query", required: false, schema: { minimum: 1, maximum: 100, default: 25 } });
    expect(document.paths["/api/v1/login-tokens/{id}"].get.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  });

  it("carries the whole error catalogue, and each operation's codes under their statuses", () => {
    expect(document["x-error-catalogue"]).toEqual(API_ERROR_CODES.map((code) => ({ code, ...API_ERRORS[code] })));
    expect(document.components.schemas.Error.properties.error.properties.code.enum).toEqual(API_ERROR_CODES);
    for (const spec of Object.values(ALL_ENDPOINTS)) {
      const responses = document.paths[spec.path][spec.method].responses as Json;
      const codes = Object.entries(responses).flatMap(([status, response]) =>
        ((response["x-error-codes"] ?? []) as string[]).map((code) => `${status} ${code}`),
      );
      expect(codes.sort()).toEqual(spec.errors.map((code) => `${API_ERRORS[code].status} ${code}`).sort());
      expect(responses["429"]?.headers?.["Retry-After"] ?? null).toEqual(spec.errors.includes("RATE_LIMITED" as never) ? expect.anything() : null);
    }
  });

  it("offers every body in JSON and XML", () => {
    for (const spec of Object.values(ALL_ENDPOINTS)) {
      for (const [status, response] of Object.entries(document.paths[spec.path][spec.method].responses as Json)) {
        if (status === "204") continue;
        expect(Object.keys(response.content), `${spec.operationId} ${status}`).toEqual(["application/json", "application/xml"]);
      }
    }
  });

  it("describes errors in the shape the handlers send", () => {
    const error = documentedResponse("createLoginToken", 422);
    expect(error.safeParse({ error: { code: "VALIDATION_FAILED", message: "m", solution: "s", details: [{ path: "expiresIn", message: "m" }] } }).success).toBe(
      true,
    );
    expect(error.safeParse({ error: { code: "SOMETHING_ELSE", message: "m", solution: "s" } }).success).toBe(false);
    expect(error.safeParse({ error: { code: "VALIDATION_FAILED", message: "m", solution: "s", stack: "at x" } }).success).toBe(false);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without a key", async () => {
    const response = openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const served = await response.json();
    expect(served.paths).toEqual(JSON.parse(JSON.stringify(openApiDocument(process.env.APP_URL!).paths)));
    expect(served.info.title).toBe("Latchkey API");
  });
});

describe("paths the API does not have", () => {
  it.each(METHODS)("answer %s with NOT_FOUND in the catalogue's shape, in the caller's format", async (method) => {
    const handler = (catchAllRoute as Record<string, (request: Request) => Promise<Response>>)[method]!;
    const response = await handler(new Request(`${BASE_URL}/api/v1/tokens`, { method }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: API_ERRORS.NOT_FOUND.message, solution: API_ERRORS.NOT_FOUND.solution } });
    const asXml = await handler(new Request(`${BASE_URL}/api/v1/tokens`, { method, headers: { accept: "application/xml" } }));
    expect(await asXml.text()).toContain("<code>NOT_FOUND</code>");
  });
});
