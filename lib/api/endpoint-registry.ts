import type { z } from "zod";
import type { ApiErrorCode } from "@/lib/api/errors";
import type { XmlShape } from "@/lib/api/respond";
import {
  createdLoginTokenSchema,
  createLoginTokenBodySchema,
  listLoginTokensQuerySchema,
  loginTokenIdParamsSchema,
  loginTokenListSchema,
  loginTokenSchema,
  redeemLoginTokenBodySchema,
  redemptionSchema,
} from "@/lib/api/schemas";

/**
 * The API's endpoints: one spec each, from which the handler parses its
 * request and checks its response (lib/api/with-api-key.ts) and the OpenAPI
 * document is written (lib/api/openapi.ts).
 */

/** Refusals every authenticated endpoint can give, before its own. */
export const ALWAYS: ApiErrorCode[] = ["API_KEY_MISSING", "API_KEY_INVALID", "NOT_ACCEPTABLE", "SERVICE_UNAVAILABLE", "INTERNAL_ERROR"];
export const WITH_BODY: ApiErrorCode[] = ["INVALID_JSON", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE"];

export interface EndpointSpec {
  operationId: string;
  method: "get" | "post" | "put" | "delete";
  /** In OpenAPI form: `{id}`. */
  path: string;
  summary: string;
  description: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  success:
    { status: 200 | 201; description: string; schema: z.ZodType; xml: XmlShape; headers?: Record<string, string> } | { status: 204; description: string };
  /** Every catalogue code this endpoint can answer with; the tests hold each one to a case. */
  errors: readonly ApiErrorCode[];
  /** The document's tag; login tokens when left out. */
  tag?: string;
  /** A larger body than API_BODY_LIMIT_BYTES, for a batch. */
  maxBodyBytes?: number;
}

export const API_ENDPOINTS = {
  createLoginToken: {
    operationId: "createLoginToken",
    method: "post",
    path: "/api/v1/login-tokens",
    summary: "Create a login token",
    description:
      "Issues a token for a contact, a customer (by id or by email) or nobody (anonymous). The response is the only place the token's secret value, login link and QR code are returned.",
    body: createLoginTokenBodySchema,
    success: {
      status: 201,
      description: "The token was created.",
      schema: createdLoginTokenSchema,
      xml: { root: "loginToken" },
      headers: { Location: "The URL of the new token in this API." },
    },
    errors: [
      ...ALWAYS,
      ...WITH_BODY,
      "VALIDATION_FAILED",
      "CONTACT_NOT_FOUND",
      "CUSTOMER_NOT_FOUND",
      "EMAIL_NOT_FOUND",
      "EMAIL_AMBIGUOUS",
      "REASON_REQUIRED",
      "ASSISTANCE_DENIED",
      "PERSON_DEACTIVATED",
    ],
  },
  listLoginTokens: {
    operationId: "listLoginTokens",
    method: "get",
    path: "/api/v1/login-tokens",
    summary: "List login tokens",
    description:
      "Newest first, filtered like the back-office table. Pages are cut by a cursor over (creation time, id), so tokens created while you page through appear on no later page and nothing is skipped or repeated.",
    query: listLoginTokensQuerySchema,
    success: { status: 200, description: "A page of tokens.", schema: loginTokenListSchema, xml: { root: "loginTokens", items: { data: "loginToken" } } },
    errors: [...ALWAYS, "VALIDATION_FAILED"],
  },
  getLoginToken: {
    operationId: "getLoginToken",
    method: "get",
    path: "/api/v1/login-tokens/{id}",
    summary: "Show a login token",
    description: "One token by its id. Used one-time tokens are shown with status USED; deleted tokens are not found.",
    params: loginTokenIdParamsSchema,
    success: { status: 200, description: "The token.", schema: loginTokenSchema, xml: { root: "loginToken" } },
    errors: [...ALWAYS, "VALIDATION_FAILED", "TOKEN_NOT_FOUND"],
  },
  deleteLoginToken: {
    operationId: "deleteLoginToken",
    method: "delete",
    path: "/api/v1/login-tokens/{id}",
    summary: "Delete a login token",
    description: "Deletes the token (softly: it stays in the audit trail). Its login link stops working at once.",
    params: loginTokenIdParamsSchema,
    success: { status: 204, description: "The token was deleted." },
    errors: [...ALWAYS, "VALIDATION_FAILED", "TOKEN_NOT_FOUND"],
  },
  redeemLoginToken: {
    operationId: "redeemLoginToken",
    method: "post",
    path: "/api/v1/login-tokens/redeem",
    summary: "Redeem a login token",
    description:
      "For a webshop that signs visitors in itself: checks the token exactly as the login link does and answers who it signs in as. A one-time token is used up by this call. Every refusal is the same TOKEN_INVALID_OR_EXPIRED, and repeated failures with one API key are throttled.",
    body: redeemLoginTokenBodySchema,
    success: { status: 200, description: "The token was valid and is now redeemed.", schema: redemptionSchema, xml: { root: "redemption" } },
    errors: [...ALWAYS, ...WITH_BODY, "VALIDATION_FAILED", "TOKEN_INVALID_OR_EXPIRED", "RATE_LIMITED"],
  },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof API_ENDPOINTS;
