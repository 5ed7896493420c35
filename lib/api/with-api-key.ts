import "server-only";
import type { z } from "zod";
import type { AuditContext } from "@/lib/audit";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/principal";
import { ApiError, DOMAIN_ERROR_CODES, type ApiErrorDetail } from "@/lib/api/errors";
import { API_BODY_LIMIT_BYTES } from "@/lib/body-limits";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/lib/database-unavailable";
import { apiResponse, emptyResponse, errorResponse, negotiateFormat, type ApiFormat } from "@/lib/api/respond";
import type { EndpointSpec } from "@/lib/api/endpoint-registry";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { requestMetaFrom, type RequestMeta } from "@/lib/request-meta";

/** What Next.js passes a route handler besides the request. */
export interface RouteContext {
  params: Promise<unknown>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type SuccessData<S extends EndpointSpec> = S["success"] extends { schema: infer R extends z.ZodType } ? z.input<R> : undefined;

interface ParsedRequest<S extends EndpointSpec> {
  request: Request;
  params: Parsed<S["params"]>;
  query: Parsed<S["query"]>;
  body: Parsed<S["body"]>;
  meta: RequestMeta;
}

export interface ApiHandlerContext<S extends EndpointSpec> extends ParsedRequest<S> {
  apiKey: ApiKeyPrincipal;
  /** For the service's audit events: the key as actor, the caller's address and agent. */
  by: AuditContext;
}

/** A well-formed key as presented, not yet looked up: only its hash, which is what the database holds. */
export interface PresentedApiKey {
  hash: Uint8Array;
}

export interface PresentedKeyHandlerContext<S extends EndpointSpec> extends ParsedRequest<S> {
  presentedKey: PresentedApiKey;
}

export type ApiHandlerResult<S extends EndpointSpec> = S["success"] extends { schema: z.ZodType }
  ? { data: SuccessData<S>; headers?: Record<string, string> }
  : { headers?: Record<string, string> } | void;

/** How a field or parameter the endpoint does not know is refused. */
export function unknownDetail(where: "body" | "query" | "path", path: string): ApiErrorDetail {
  const unknown = where === "body" ? "Unknown field" : where === "query" ? "Unknown query parameter" : "Unknown path parameter";
  return { path, message: `${unknown}: remove it. The API reference lists what this endpoint accepts.` };
}

function detailsOf(error: z.ZodError, where: "body" | "query" | "path"): ApiErrorDetail[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => unknownDetail(where, [...issue.path, key].join(".")))
      : [{ path: issue.path.join("."), message: issue.message }],
  );
}

function parseWith<S extends z.ZodType | undefined>(schema: S, input: unknown, where: "body" | "query" | "path"): Parsed<S> {
  if (!schema) {
    // An endpoint without parameters of this kind still refuses any that are sent.
    const names = input && typeof input === "object" ? Object.keys(input) : [];
    if (names.length > 0) {
      throw new ApiError("VALIDATION_FAILED", {
        details: names.map((name) => ({ path: name, message: `${where === "query" ? "Unknown query parameter" : "Unknown field"}: remove it.` })),
      });
    }
    return undefined as Parsed<S>;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ApiError("VALIDATION_FAILED", { details: detailsOf(parsed.error, where) });
  return parsed.data as Parsed<S>;
}

/**
 * Query parameters as an object; a repeated name becomes a list, which a
 * scalar parameter refuses. The object has no prototype, so `__proto__`,
 * `constructor` or `prototype` are parameters like any other (and refused as
 * unknown), not the object's inherited properties.
 */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of url.searchParams) {
    const seen = out[name];
    out[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

/** The `Authorization: Bearer` key, as `lookUp` finds it; a missing, malformed or unknown key is refused. */
async function authenticate<P>(request: Request, lookUp: (presented: string) => Promise<P | null>): Promise<P> {
  const header = request.headers.get("authorization")?.trim();
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new ApiError("API_KEY_MISSING");
  const principal = await lookUp(match[1]);
  if (!principal) throw new ApiError("API_KEY_INVALID");
  return principal;
}

async function presentKey(presented: string): Promise<PresentedApiKey | null> {
  return isWellFormedApiKey(presented) ? { hash: hashApiKey(presented) } : null;
}

const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Reads a JSON body up to API_BODY_LIMIT_BYTES; an empty body reads as `{}` so validation can name what is missing. */
async function readJsonBody(request: Request, maxBytes = API_BODY_LIMIT_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type && !JSON_CONTENT_TYPE.test(type)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new ApiError("PAYLOAD_TOO_LARGE");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ApiError("PAYLOAD_TOO_LARGE");
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("INVALID_JSON");
  }
}

function toApiError(error: unknown, request: Request, operationId: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    const mapped = DOMAIN_ERROR_CODES[error.code];
    if (mapped) {
      const path = mapped.path ?? error.field;
      return new ApiError(mapped.code, path ? { details: [{ path, message: error.message }] } : {});
    }
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ operationId, method: request.method, path: new URL(request.url).pathname }, "api request: the database is unavailable");
    return new ApiError("SERVICE_UNAVAILABLE", { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } });
  }
  // Only the path: a query string may carry token values (the ids filter), and headers the key.
  logger.error(
    {
      err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) },
      operationId,
      method: request.method,
      path: new URL(request.url).pathname,
    },
    "api request failed",
  );
  return new ApiError("INTERNAL_ERROR");
}

/**
 * The pipeline both guards share: content negotiation → `Authorization:
 * Bearer` key (refused when missing or not found by `lookUp`) → strict zod
 * parse of path, query and body → the handler → its result parsed through the
 * response schema → JSON or XML. Every refusal is a catalogue error in the
 * caller's format; anything unexpected is logged without the request's
 * secrets and answered INTERNAL_ERROR without details.
 */
function apiRoute<S extends EndpointSpec, P>(
  spec: S,
  lookUp: (presented: string) => Promise<P | null>,
  run: (parsed: ParsedRequest<S>, principal: P) => Promise<ApiHandlerResult<S>>,
) {
  return async function apiRouteHandler(request: Request, context: RouteContext): Promise<Response> {
    const format = negotiateFormat(request.headers.get("accept"));
    try {
      if (!format) throw new ApiError("NOT_ACCEPTABLE");
      const principal = await authenticate(request, lookUp);
      const params = parseWith(spec.params, await context.params, "path") as Parsed<S["params"]>;
      const query = parseWith(spec.query, queryObject(new URL(request.url)), "query") as Parsed<S["query"]>;
      const body = (spec.body ? parseWith(spec.body, await readJsonBody(request, spec.maxBodyBytes), "body") : undefined) as Parsed<S["body"]>;

      const parsed = { request, params, query, body, meta: requestMetaFrom(request.headers) };
      const result = ((await run(parsed, principal)) ?? {}) as { data?: unknown; headers?: Record<string, string> };
      const headers = result.headers;
      if (spec.success.status === 204) return emptyResponse(204, headers);
      // Fails closed: a field outside the contract is a bug to fix, not data to send.
      const data = spec.success.schema.parse(result.data);
      return apiResponse(format, spec.success.status, data, spec.success.xml, headers);
    } catch (error) {
      return errorResponse(format, toApiError(error, request, spec.operationId));
    }
  };
}

/**
 * The one guard of the REST API's route handlers: the key is looked up by its
 * hash and refused when unknown or revoked (`last_used_at` kept, once a minute
 * at most) before anything else is read; the handler gets the key as the
 * audit actor.
 */
export function withApiKey<S extends EndpointSpec>(spec: S, handler: (ctx: ApiHandlerContext<S>) => Promise<ApiHandlerResult<S>>) {
  return apiRoute(spec, authenticateApiKey, (parsed, apiKey) =>
    handler({ ...parsed, apiKey, by: { actor: { type: "API_KEY", id: apiKey.id, name: apiKey.name }, meta: parsed.meta } }),
  );
}

/**
 * The same guard for an endpoint whose one statement looks the key up itself:
 * redemption, the API's hottest path, saves a round trip to the database that
 * way. A missing or malformed key is refused here as by withApiKey; the
 * handler gets the presented key's hash, and its statement must change
 * nothing unless the hash names a live key, and answer API_KEY_INVALID then.
 */
export function withPresentedApiKey<S extends EndpointSpec>(spec: S, handler: (ctx: PresentedKeyHandlerContext<S>) => Promise<ApiHandlerResult<S>>) {
  return apiRoute(spec, presentKey, (parsed, presentedKey) => handler({ ...parsed, presentedKey }));
}

/** For methods a path does not have, and for paths the API does not have: catalogue errors, no key needed. */
export function refuseRoute(code: "METHOD_NOT_ALLOWED" | "NOT_FOUND" | "TOKEN_NOT_FOUND", allow?: string[]) {
  return async function refusedRoute(request: Request): Promise<Response> {
    const format: ApiFormat | null = negotiateFormat(request.headers.get("accept"));
    return errorResponse(format, new ApiError(code, allow ? { headers: { Allow: allow.join(", ") } } : {}));
  };
}
