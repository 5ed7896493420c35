// Helpers for the API's tests: call the real route handlers with real
// Requests, and check bodies against the published OpenAPI document.
import { expect, it, vi } from "vitest";
import { z } from "zod";
import * as collectionRoute from "@/app/api/v1/login-tokens/route";
import * as itemRoute from "@/app/api/v1/login-tokens/[id]/route";
import * as redeemRoute from "@/app/api/v1/login-tokens/redeem/route";
import { issueApiKey } from "@/lib/api-keys/keys";
import { openApiDocument } from "@/lib/api/openapi";
import { ALL_ENDPOINTS, type AnyEndpointName } from "@/lib/api/endpoints";
import { API_ERRORS, type ApiErrorCode } from "@/lib/api/errors";
import { logger } from "@/lib/logger";
import { withDatabaseUnreachable } from "@/test/database-outage";
import { testDb } from "@/test/db";
import { unique } from "@/test/factories";
import { TEST_ENV } from "@/test/test-env";

export const BASE_URL = TEST_ENV.APP_URL;

export interface CallOptions {
  /** The API key; null sends no Authorization header. */
  key?: string | null;
  accept?: string;
  body?: unknown;
  /** Sent as is instead of `body`. */
  rawBody?: string;
  contentType?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export function apiRequest(method: string, path: string, options: CallOptions, defaultKey: string | null): Request {
  const url = new URL(path, BASE_URL);
  for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.append(name, value);
  const headers = new Headers({ "x-forwarded-for": "192.0.2.10", "user-agent": "latchkey-api-tests", ...options.headers });
  const key = options.key === undefined ? defaultKey : options.key;
  if (key !== null) headers.set("authorization", `Bearer ${key}`);
  if (options.accept !== undefined) headers.set("accept", options.accept);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  return new Request(url, { method, headers, body });
}

/** A client of the five endpoints, authenticated with `key` unless a call says otherwise. */
export function apiClient(defaultKey: string | null) {
  const call = (handler: Handler, method: string, path: string, options: CallOptions = {}, params: Record<string, string> = {}) =>
    handler(apiRequest(method, path, options, defaultKey), { params: Promise.resolve(params) });
  return {
    create: (body: unknown, options: CallOptions = {}) => call(collectionRoute.POST, "POST", "/api/v1/login-tokens", { body, ...options }),
    list: (query: Record<string, string> = {}, options: CallOptions = {}) => call(collectionRoute.GET, "GET", "/api/v1/login-tokens", { query, ...options }),
    show: (id: string, options: CallOptions = {}) => call(itemRoute.GET, "GET", `/api/v1/login-tokens/${encodeURIComponent(id)}`, options, { id }),
    remove: (id: string, options: CallOptions = {}) => call(itemRoute.DELETE, "DELETE", `/api/v1/login-tokens/${encodeURIComponent(id)}`, options, { id }),
    redeem: (body: unknown, options: CallOptions = {}) => call(redeemRoute.POST, "POST", "/api/v1/login-tokens/redeem", { body, ...options }),
  };
}

/** An API key row made directly; the full key is returned for the test to send. */
export async function createApiKeyRow(overrides: { revokedAt?: Date; lastUsedAt?: Date } = {}) {
  const { key, prefix, keyHash } = issueApiKey();
  const name = unique("integration");
  const row = await testDb.apiKey.create({ data: { name, prefix, keyHash, ...overrides }, select: { id: true } });
  return { id: row.id, key, name };
}

// ─── Checking against the OpenAPI document ──────────────────────────────────

type JsonObject = Record<string, unknown>;

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node as JsonObject).map(([key, value]) =>
        key === "$ref" && typeof value === "string" ? [key, value.replace("#/components/schemas/", "#/$defs/")] : [key, rewriteRefs(value)],
      ),
    );
  }
  return node;
}

/**
 * The JSON Schema the published document gives for one response, compiled
 * into a validator. It is compiled from the document, not taken from the zod
 * schema, so a body that passes matches what integrators were promised.
 */
export function documentedResponse(endpoint: AnyEndpointName, status: number, mediaType = "application/json"): z.ZodType {
  const document = openApiDocument(BASE_URL) as unknown as JsonObject;
  const spec = ALL_ENDPOINTS[endpoint];
  const operation = ((document.paths as JsonObject)[spec.path] as JsonObject)[spec.method] as JsonObject;
  const response = (operation.responses as JsonObject)[String(status)] as JsonObject | undefined;
  if (!response) throw new Error(`${endpoint} documents no ${status} response`);
  const schema = ((response.content as JsonObject)[mediaType] as JsonObject).schema;
  const definitions = (document.components as JsonObject).schemas as JsonObject;
  return z.fromJSONSchema(rewriteRefs({ ...(schema as JsonObject), $defs: definitions }) as never);
}

export function documentedResponseStatuses(endpoint: AnyEndpointName): string[] {
  const document = openApiDocument(BASE_URL) as unknown as JsonObject;
  const spec = ALL_ENDPOINTS[endpoint];
  const operation = ((document.paths as JsonObject)[spec.path] as JsonObject)[spec.method] as JsonObject;
  return Object.keys(operation.responses as JsonObject);
}

// ─── The error catalogue ────────────────────────────────────────────────────

/**
 * One way to cause each error code an endpoint documents. An endpoint's cases
 * must cover exactly the codes the document lists for it, so a code added to
 * the contract without a test (or tested but not documented) fails. An
 * INTERNAL_ERROR case fails with an error that names "secret-internals".
 */
export type ErrorCases<E extends AnyEndpointName> = { [K in E]: Partial<Record<ApiErrorCode, () => Promise<Response>>> };

/**
 * The cases every endpoint behind an API key shares, made from `call`, a
 * request it would otherwise answer well: no key, a key this installation
 * never issued, a format it cannot answer in, a failure inside it (which
 * `failInside` arranges before the call), and the database gone.
 */
export function keyedEndpointCases(call: (options?: CallOptions) => Promise<Response>, failInside: () => void) {
  return {
    API_KEY_MISSING: () => call({ key: null }),
    API_KEY_INVALID: () => call({ key: issueApiKey().key }),
    NOT_ACCEPTABLE: () => call({ accept: "text/csv" }),
    INTERNAL_ERROR: () => {
      failInside();
      return call();
    },
    SERVICE_UNAVAILABLE: () => withDatabaseUnreachable(() => call()),
  } satisfies Partial<Record<ApiErrorCode, () => Promise<Response>>>;
}

/** Every case answered as API_ERRORS says, in the documented shape, with its headers; `key()` is the key the cases send. */
export function itAnswersEveryDocumentedError<E extends AnyEndpointName>(cases: ErrorCases<E>, key: () => string) {
  const endpoints = Object.keys(cases) as E[];
  it.each(endpoints)("the cases of %s are exactly its documented codes", (endpoint) => {
    expect(Object.keys(cases[endpoint]).sort()).toEqual([...ALL_ENDPOINTS[endpoint].errors].sort());
  });

  const each = endpoints.flatMap((endpoint) => (Object.keys(cases[endpoint]) as ApiErrorCode[]).map((code) => ({ endpoint, code })));

  it.each(each)("$endpoint answers $code", async ({ endpoint, code }) => {
    const logged = vi.spyOn(logger, "error");
    const response = await cases[endpoint][code]!();
    const raw = await response.text();
    const body = JSON.parse(raw) as { error: Record<string, unknown> };
    const expected = API_ERRORS[code];

    expect(response.status).toBe(expected.status);
    expect(body.error).toMatchObject({ code, message: expected.message, solution: expected.solution });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(documentedResponse(endpoint, expected.status).safeParse(body).error).toBeUndefined();

    if (code === "API_KEY_MISSING" || code === "API_KEY_INVALID") expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    if (code === "RATE_LIMITED" || code === "SERVICE_UNAVAILABLE") expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    if (code === "INTERNAL_ERROR") {
      // The caller learns nothing of the failure; the log has it, without the key.
      expect(raw).not.toContain("simulated");
      expect(raw).not.toContain("secret-internals");
      expect(logged).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(logged.mock.calls)).toContain("secret-internals");
      expect(JSON.stringify(logged.mock.calls)).not.toContain(key());
    } else {
      expect(logged).not.toHaveBeenCalled();
    }
    logged.mockRestore();
  });
}
