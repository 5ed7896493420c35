import { XMLBuilder } from "fast-xml-parser";
import { ApiError } from "@/lib/api/errors";

export type ApiFormat = "json" | "xml";

const JSON_TYPES = new Set(["application/json", "application/*", "*/*"]);
const XML_TYPES = new Set(["application/xml", "text/xml"]);

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Picks the format from an Accept header (RFC 9110 §12.5.1): the acceptable
 * media range with the highest q wins; on equal q a named type beats a
 * wildcard, then JSON beats XML; q=0 excludes. No header means JSON. Null:
 * neither format is acceptable.
 */
export function negotiateFormat(accept: string | null): ApiFormat | null {
  if (!accept || !accept.trim()) return "json";
  let best: { format: ApiFormat; rank: number[] } | null = null;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const format: ApiFormat | null = JSON_TYPES.has(type) ? "json" : XML_TYPES.has(type) ? "xml" : null;
    if (!format) continue;
    const rank = [q, type.includes("*") ? 0 : 1, format === "json" ? 1 : 0];
    if (!best || compareRanks(rank, best.rank) > 0) best = { format, rank };
  }
  return best?.format ?? null;
}

/** How a body reads as XML: the root element's name and the element name for each array's items. */
export interface XmlShape {
  root: string;
  items?: Record<string, string>;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
  format: true,
  indentBy: "  ",
});

// Characters XML 1.0 cannot carry at all, not even escaped.
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlValue(value: unknown, key: string, items: Record<string, string>): unknown {
  if (value === null || value === undefined) return { "@_nil": "true" };
  if (Array.isArray(value)) return { [items[key] ?? "item"]: value.map((item) => xmlValue(item, key, items)) };
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, xmlValue(inner, name, items)]));
  }
  return typeof value === "string" ? value.replace(NOT_XML, "\uFFFD") : String(value);
}

/**
 * The same data as the JSON body, as XML: each field an element, arrays as a
 * container of item elements, null as an empty element marked nil="true".
 * The JSON round trip first makes dates read exactly as they do in JSON.
 */
export function toXml(data: unknown, shape: XmlShape): string {
  const plain = JSON.parse(JSON.stringify(data)) as unknown;
  const body = builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    [shape.root]: xmlValue(plain, shape.root, shape.items ?? {}),
  });
  return body;
}

const CONTENT_TYPES: Record<ApiFormat, string> = {
  json: "application/json; charset=utf-8",
  xml: "application/xml; charset=utf-8",
};

// Every API answer is for one authenticated caller and may carry a token
// value, so none is stored by any cache; Accept picks the representation.
const BASE_HEADERS = { "Cache-Control": "no-store", Vary: "Accept" };

export function apiResponse(format: ApiFormat, status: number, data: unknown, shape: XmlShape, headers: Record<string, string> = {}): Response {
  const body = format === "xml" ? toXml(data, shape) : JSON.stringify(data);
  return new Response(body, { status, headers: { ...BASE_HEADERS, "Content-Type": CONTENT_TYPES[format], ...headers } });
}

export function emptyResponse(status: 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...BASE_HEADERS, ...headers } });
}

const ERROR_SHAPE: XmlShape = { root: "error", items: { details: "detail" } };

/** An error in the caller's format; a 406 is always JSON, since no format was acceptable. */
export function errorResponse(format: ApiFormat | null, error: ApiError): Response {
  const body = error.toBody();
  const headers = { ...error.options.headers };
  if (error.code === "API_KEY_MISSING" || error.code === "API_KEY_INVALID") headers["WWW-Authenticate"] = 'Bearer realm="latchkey"';
  // The XML root is the error element itself, so XML and JSON carry the same fields.
  return apiResponse(format ?? "json", error.status, format === "xml" ? body.error : body, ERROR_SHAPE, headers);
}
