import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { API_ERRORS, type ApiErrorCode } from "@/lib/api/errors";
import { ALL_ENDPOINTS } from "@/lib/api/endpoints";
import { peopleBatchItemSchema } from "@/lib/api/people-schemas";
import type { EndpointSpec } from "@/lib/api/endpoint-registry";
import { apiErrorSchema } from "@/lib/api/shapes";

/** One row of the error catalogue as the document carries it (`x-error-catalogue`). */
export interface CatalogueEntry {
  code: ApiErrorCode;
  status: number;
  message: string;
  solution: string;
}

type OpenAPIObject = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
export type LatchkeyOpenApiDocument = OpenAPIObject & { "x-error-catalogue": CatalogueEntry[] };

const API_DESCRIPTION = [
  "Create, list, show, delete and redeem login tokens: secret links that sign a contact or customer into the webshop without a password; and keep the webshop's companies, contacts and customers in sync.",
  "",
  "**Authentication**: every endpoint except this document needs `Authorization: Bearer <API key>`. Keys are created under Settings > API keys in the back-office and shown once.",
  "",
  "**Formats**: JSON by default (no Accept header, `*/*` or `application/json`); `Accept: application/xml` returns the same data as XML, errors included. Any other Accept is refused with 406 NOT_ACCEPTABLE. Request bodies are JSON.",
  "",
  '**Errors**: the HTTP status plus `{ "error": { "code", "message", "solution" } }`; validation errors add `details: [{ path, message }]`. The codes are listed in `x-error-catalogue`.',
  "",
  "**Secrets**: a token's value is returned once, by Create. Responses are sent with `Cache-Control: no-store`.",
].join("\n");

// XML carries the same fields, so both media types share the schema.
const bothFormats = (schema: z.ZodType) => ({
  "application/json": { schema },
  "application/xml": { schema },
});

function errorResponses(codes: readonly ApiErrorCode[]): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) byStatus.set(API_ERRORS[code].status, [...(byStatus.get(API_ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.map((code) => `${code}: ${API_ERRORS[code].message}`).join(" "),
        ...(status === 429 || status === 503
          ? { headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } } }
          : {}),
        content: bothFormats(apiErrorSchema),
      },
    ]),
  );
}

function successResponse(success: EndpointSpec["success"]): ResponseConfig {
  if (success.status === 204) return { description: success.description };
  const headers = success.headers
    ? Object.fromEntries(Object.entries(success.headers).map(([name, description]) => [name, { description, schema: { type: "string" as const } }]))
    : undefined;
  return { description: success.description, ...(headers ? { headers } : {}), content: bothFormats(success.schema) };
}

function buildDocument(serverUrl: string): LatchkeyOpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from Settings > API keys, such as lk_live_ab12…",
  });
  registry.register("Error", apiErrorSchema);
  // Items of a batch are checked one by one, so the body's own schema takes any; the document says what each must be.
  registry.register("PeopleBatchItem", peopleBatchItemSchema);

  for (const endpoint of Object.values(ALL_ENDPOINTS) as EndpointSpec[]) {
    registry.registerPath({
      method: endpoint.method,
      path: endpoint.path,
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      tags: [endpoint.tag ?? "Login tokens"],
      security: [{ apiKey: [] }],
      request: {
        ...(endpoint.params ? { params: endpoint.params as never } : {}),
        ...(endpoint.query ? { query: endpoint.query as never } : {}),
        ...(endpoint.body ? { body: { required: true, content: { "application/json": { schema: endpoint.body } } } } : {}),
      },
      responses: { [String(endpoint.success.status)]: successResponse(endpoint.success), ...errorResponses(endpoint.errors) },
    });
  }

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Latchkey API", version: "1.0.0", description: API_DESCRIPTION },
    servers: [{ url: serverUrl }],
    tags: [{ name: "Login tokens" }, { name: "People" }],
  });

  // The codes each response can carry, machine-readable, for the reference page and clients.
  for (const endpoint of Object.values(ALL_ENDPOINTS) as EndpointSpec[]) {
    const path = document.paths?.[endpoint.path];
    const responses = path?.[endpoint.method]?.responses as Record<string, Record<string, unknown>> | undefined;
    for (const code of endpoint.errors) {
      const response = responses?.[String(API_ERRORS[code].status)];
      if (response) response["x-error-codes"] = [...((response["x-error-codes"] as string[] | undefined) ?? []), code];
    }
  }

  const catalogue = (Object.keys(API_ERRORS) as ApiErrorCode[]).map((code) => ({ code, ...API_ERRORS[code] }));
  return { ...document, "x-error-catalogue": catalogue };
}

const cache = new Map<string, LatchkeyOpenApiDocument>();

/** The OpenAPI 3.1 document, built once per server URL from the schemas the handlers use. */
export function openApiDocument(serverUrl: string): LatchkeyOpenApiDocument {
  let document = cache.get(serverUrl);
  if (!document) {
    document = buildDocument(serverUrl);
    cache.set(serverUrl, document);
  }
  return document;
}
