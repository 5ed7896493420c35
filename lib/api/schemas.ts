import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_ERROR_CODES, type ApiErrorCode } from "@/lib/api/errors";
import type { XmlShape } from "@/lib/api/respond";
import { param } from "@/lib/api/query-params";
import {
  EXPIRY_MAX_YEARS,
  EXTRA_MAX_LENGTH,
  freeTextSchema,
  futureExpiryDateSchema,
  INT32_MAX,
  maxUsesSchema,
  originSchema,
  REASON_MAX_LENGTH,
  RELATIVE_PATH_MAX_LENGTH,
  relativePathSchema,
  useWindowMinutesSchema,
} from "@/lib/login-tokens/schemas";
import { checkLoginTokenFilterQuery, loginTokenFilterApiParams } from "@/lib/login-tokens/table-filters";

// Once, before any schema below: `.openapi()` describes query and path
// parameters, which zod's own `.meta()` cannot.
extendZodWithOpenApi(z);

/**
 * The REST API's contract. Handlers parse requests and
 * their own responses with these schemas and the OpenAPI document is
 * generated from the same objects, so the two cannot drift apart. Request
 * objects are strict: a field the API does not know is refused, not ignored.
 * Response objects are strict too, so a field that is not in the contract
 * (such as a token value in a list) fails the handler instead of leaking.
 */

export const EXPIRES_IN_MIN = 60;
export const EXPIRES_IN_MAX = 86_400;
export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 25;

export const isoDateTime = z.iso.datetime().openapi({ example: "2026-11-24T09:30:00.000Z" });

// ─── Shared shapes ──────────────────────────────────────────────────────────

export const tokenUserSchema = z
  .strictObject({
    type: z.enum(["CONTACT", "CUSTOMER"]).openapi({ description: "A contact (B2B buyer) or a customer (B2C buyer)." }),
    id: z.number().int().positive().openapi({ example: 1042 }),
    name: z.string().openapi({ example: "Cora Jansen" }),
    email: z.string().openapi({ example: "cora@buyer.example" }),
  })
  .openapi("TokenUser", { description: "The contact or customer the token signs in as; null for an anonymous token." });

export const apiErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(API_ERROR_CODES).openapi({ description: "A code of the error catalogue; stable, unlike the message." }),
      message: z.string().openapi({ description: "What went wrong, for a developer." }),
      solution: z.string().openapi({ description: "What to do about it." }),
      details: z
        .array(
          z.strictObject({
            path: z
              .string()
              .openapi({ description: "The field, dotted for nested fields (`ids.2`); the query parameter or path parameter by name.", example: "expiresIn" }),
            message: z.string().openapi({ example: "expiresIn must be a whole number of seconds from 60 to 86400." }),
          }),
        )
        .optional()
        .openapi({ description: "One entry per field that was refused (validation errors and unknown fields)." }),
    }),
  })
  .openapi("Error");
export type ApiErrorResponse = z.infer<typeof apiErrorSchema>;

// ─── POST /login-tokens ─────────────────────────────────────────────────────

const positiveId = (what: string) =>
  z
    .number({ error: `${what} must be a whole number.` })
    .int(`${what} must be a whole number.`)
    .positive(`${what} must be positive.`)
    .max(INT32_MAX, `${what} is too large.`);

export const createLoginTokenBodySchema = z
  .strictObject({
    contactId: positiveId("contactId").nullish().openapi({ description: "Sign in as this contact.", example: 1042 }),
    customerId: positiveId("customerId").nullish().openapi({ description: "Sign in as this customer." }),
    email: z
      .email({ error: "email must be an email address." })
      .max(254)
      .nullish()
      .openapi({ description: "Sign in as the contact or customer with this email address (case-insensitive)." }),
    expiresIn: z
      .number({ error: "expiresIn must be a number of seconds." })
      .int(`expiresIn must be a whole number of seconds from ${EXPIRES_IN_MIN} to ${EXPIRES_IN_MAX}.`)
      .min(EXPIRES_IN_MIN, `expiresIn must be a whole number of seconds from ${EXPIRES_IN_MIN} to ${EXPIRES_IN_MAX}.`)
      .max(EXPIRES_IN_MAX, `expiresIn must be a whole number of seconds from ${EXPIRES_IN_MIN} to ${EXPIRES_IN_MAX}.`)
      .nullish()
      .openapi({ description: "Seconds until the token expires (1 minute to 24 hours). Send this or expiresAt.", example: 3600 }),
    expiresAt: z.iso
      .datetime({ offset: true, error: "expiresAt must be an ISO 8601 date-time with a time zone, such as 2026-11-24T18:00:00Z." })
      // The dialogs' own bound, so that the API accepts exactly the dates they do; only for a well-formed date-time.
      .pipe(
        z
          .string()
          .superRefine((value, ctx) =>
            futureExpiryDateSchema.safeParse(new Date(value)).error?.issues.forEach((issue) => ctx.addIssue({ code: "custom", message: issue.message })),
          ),
      )
      .nullish()
      .openapi({
        description: `When the token expires: in the future and at most ${EXPIRY_MAX_YEARS} years from now. Send this or expiresIn.`,
        "x-latest": `now + ${EXPIRY_MAX_YEARS} years`,
        "x-earliest": "now",
      }),
    oneTimeUse: z.boolean({ error: "oneTimeUse must be true or false." }).optional().openapi({
      description:
        "Whether the token works only once. Left out: the installation's default (`DEFAULT_ONE_TIME_USE`, true unless set otherwise), the same as the back-office dialog's.",
    }),
    maxUses: maxUsesSchema.nullish().openapi({
      description:
        "How many times the token works (2 to 1,000); sending it makes the token reusable, so oneTimeUse may be left out (true with it is refused). Leave out for unlimited or one-time.",
      example: 5,
    }),
    validForMinutesAfterFirstUse: useWindowMinutesSchema
      .nullish()
      .openapi({ description: "The first redemption starts a window of this many minutes; then the token expires (or at expiresAt, if sooner)." }),
    revokeOtherLinks: z
      .boolean({ error: "revokeOtherLinks must be true or false." })
      .default(false)
      .openapi({ description: "Delete the person's other live tokens made by staff, in the same transaction (audited). Needs a person." }),
    extra: freeTextSchema("extra", EXTRA_MAX_LENGTH, `extra can be at most ${EXTRA_MAX_LENGTH} characters.`)
      .nullish()
      .openapi({
        description: `Free text for the webshop, returned on redemption: at most ${EXTRA_MAX_LENGTH} characters, no control characters but tab and line breaks.`,
      }),
    referrer: originSchema.nullish().openapi({
      description: "An origin (scheme and host) the redeeming browser must come from, such as https://procurement.example.com.",
    }),
    redirectPath: relativePathSchema.nullish().openapi({
      description: `A path on the webshop where the visitor lands, such as /shop/cart: at most ${RELATIVE_PATH_MAX_LENGTH} characters, no spaces, backslashes or control characters. Characters outside ASCII are stored percent-encoded (/shop/€uro as /shop/%E2%82%ACuro).`,
    }),
    reason: freeTextSchema("reason", REASON_MAX_LENGTH, `reason can be at most ${REASON_MAX_LENGTH} characters.`)
      .nullish()
      .openapi({ description: "Why the token is issued. Required for user tokens when the installation asks for a reason (REASON_REQUIRED)." }),
  })
  .superRefine((body, ctx) => {
    const users = (["contactId", "customerId", "email"] as const).filter((field) => body[field] != null);
    if (users.length > 1) {
      ctx.addIssue({ code: "custom", path: [users[1]!], message: "Send at most one of contactId, customerId and email." });
    }
    const hasIn = body.expiresIn != null;
    const hasAt = body.expiresAt != null;
    if (hasIn && hasAt) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Send either expiresIn or expiresAt, not both." });
    if (!hasIn && !hasAt) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresIn"],
        message: `Send expiresIn (${EXPIRES_IN_MIN} to ${EXPIRES_IN_MAX} seconds) or expiresAt (a future date-time).`,
      });
    }
    if (body.maxUses != null && body.oneTimeUse === true) {
      ctx.addIssue({
        code: "custom",
        path: ["maxUses"],
        message: "maxUses is for tokens that are not one-time: send oneTimeUse false with it, or leave oneTimeUse out.",
      });
    }
  })
  .openapi("CreateLoginTokenRequest", {
    description: "At most one of contactId, customerId and email (none: an anonymous token); exactly one of expiresIn and expiresAt.",
    example: { email: "cora@buyer.example", expiresIn: 3600, redirectPath: "/shop/orders" },
  });
export type CreateLoginTokenBody = z.output<typeof createLoginTokenBodySchema>;

export const createdLoginTokenSchema = z
  .strictObject({
    id: z.uuid().openapi({ description: "The token's public id, used in the other endpoints." }),
    token: z
      .string()
      .openapi({ description: "The secret value. Returned here only: store or forward it now.", example: "q3JxZ0V1b2N6c0t0bXJ4d0p2S0ZsR2l0Y1h3bW5hQkU" }),
    loginUrl: z.url().openapi({ description: "The login link that redeems the token in a browser.", example: "https://latchkey.example/login/token?t=q3Jx…" }),
    qrCode: z
      .string()
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
      .openapi({ description: "The login link as a QR code: a PNG data URL, usable as an <img> src." }),
    expiresAt: isoDateTime,
    oneTimeUse: z.boolean(),
    maxUses: z.number().int().nullable().openapi({ description: "How many times the token works when it is not one-time; null: unlimited." }),
    user: tokenUserSchema.nullable(),
    extra: z.string().nullable(),
    createdAt: isoDateTime,
    revokedOtherLinks: z.number().int().min(0).openapi({ description: "How many of the person's other links this creation revoked." }),
  })
  .openapi("CreatedLoginToken", { description: "The new token, with its secret value, login link and QR code." });
export type CreatedLoginTokenResponse = z.input<typeof createdLoginTokenSchema>;

// ─── GET /login-tokens and /login-tokens/{id} ───────────────────────────────

export const LIST_STATUSES = ["ACTIVE", "EXPIRED", "USED", "LOCKED"] as const;

export const loginTokenSchema = z
  .strictObject({
    id: z.uuid(),
    status: z.enum(LIST_STATUSES).openapi({ description: "ACTIVE, EXPIRED, USED (a one-time token that was redeemed) or LOCKED (too many failed attempts)." }),
    user: tokenUserSchema.nullable(),
    expiresAt: isoDateTime.nullable().openapi({ description: "Null: never expires (tokens made in the back-office may not)." }),
    oneTimeUse: z.boolean(),
    maxUses: z.number().int().nullable().openapi({ description: "How many times the token works when it is not one-time; null: unlimited." }),
    validForMinutesAfterFirstUse: z.number().int().nullable().openapi({ description: "Minutes the token works after its first use; null: until it expires." }),
    extra: z.string().nullable(),
    referrer: z.string().nullable(),
    redirectPath: z.string().nullable(),
    successfulAttempts: z.number().int().min(0),
    failedAttempts: z.number().int().min(0),
    lastAccessedAt: isoDateTime.nullable(),
    usedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    createdBy: z
      .strictObject({ type: z.enum(["STAFF", "API_KEY"]), name: z.string() })
      .nullable()
      .openapi({ description: "The staff member or API key that created the token." }),
  })
  .openapi("LoginToken", { description: "A login token without its secret value, which the API returns only on creation." });
export type LoginTokenResponse = z.input<typeof loginTokenSchema>;

export const loginTokenListSchema = z
  .strictObject({
    data: z.array(loginTokenSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` to get the next page; null on the last page." }),
  })
  .openapi("LoginTokenList");
export type LoginTokenListResponse = z.input<typeof loginTokenListSchema>;

/** Where a page ended: the last row's sort key, opaque to callers. */
export interface ListCursor {
  createdAt: Date;
  id: string;
}

const cursorPayloadSchema = z.strictObject({ c: z.iso.datetime(), i: z.uuid() });

export function encodeCursor({ createdAt, id }: ListCursor): string {
  return Buffer.from(JSON.stringify({ c: createdAt.toISOString(), i: id })).toString("base64url");
}

export function decodeCursor(cursor: string): ListCursor | null {
  try {
    const parsed = cursorPayloadSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? { createdAt: new Date(parsed.data.c), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

export { param };

export const listLoginTokensQuerySchema = z
  .strictObject({
    ...loginTokenFilterApiParams,
    limit: param(
      z.coerce
        .number({ error: "limit must be a number." })
        .int(`limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
        .min(1, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
        .max(LIST_LIMIT_MAX, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
        .default(LIST_LIMIT_DEFAULT),
      `Tokens per page, 1 to ${LIST_LIMIT_MAX}.`,
      LIST_LIMIT_DEFAULT,
    ),
    cursor: param(
      z
        .string()
        .max(200)
        .transform((value, ctx) => {
          const decoded = decodeCursor(value);
          if (!decoded) {
            ctx.addIssue({ code: "custom", message: "This cursor was not issued by this API. Start again without a cursor." });
            return z.NEVER;
          }
          return decoded;
        })
        .optional(),
      "The nextCursor of the previous page.",
    ),
  })
  .superRefine(checkLoginTokenFilterQuery);
export type ListLoginTokensQuery = z.output<typeof listLoginTokensQuerySchema>;

export const loginTokenIdParamsSchema = z.strictObject({
  id: param(
    z.uuid({ error: "Use the token's id (a UUID from the create or list response), not its secret value." }),
    "The token's id.",
    "0b9e8c4e-1f1a-4a8e-9a53-2f7f1c2f4b10",
  ),
});

// ─── POST /login-tokens/redeem ──────────────────────────────────────────────

export const redeemLoginTokenBodySchema = z
  .strictObject({
    token: z
      .string({ error: "token must be the token's secret value, a string." })
      .min(1, "token must not be empty.")
      .max(512, "token is too long to be a login token.")
      .openapi({ description: "The secret value from the login link (its `t` parameter)." }),
    referrer: z
      .url({ protocol: /^https?$/, error: "referrer must be an http(s) URL, such as https://procurement.example.com." })
      .max(2000)
      .transform((value) => new URL(value).origin)
      .nullish()
      .openapi({ description: "Where the visitor's browser came from (its Referer); only the origin is compared with the token's referrer." }),
  })
  .openapi("RedeemLoginTokenRequest", { example: { token: "q3JxZ0V1b2N6c0t0bXJ4d0p2S0ZsR2l0Y1h3bW5hQkU" } });
export type RedeemLoginTokenBody = z.output<typeof redeemLoginTokenBodySchema>;

export const redemptionSchema = z
  .strictObject({
    tokenId: z.uuid(),
    user: tokenUserSchema.nullable(),
    extra: z.string().nullable(),
    expiresAt: isoDateTime.nullable(),
    oneTimeUse: z.boolean(),
  })
  .openapi("Redemption", { description: "Who the token signs in as. A one-time token is now used." });
export type RedemptionResponse = z.input<typeof redemptionSchema>;

// ─── The endpoints ──────────────────────────────────────────────────────────

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
  /** A larger body than MAX_BODY_BYTES, for a batch. */
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
