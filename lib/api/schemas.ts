import { z } from "zod";
import { decodeListCursor } from "@/lib/api/list-cursor";
import { param, queryLimit } from "@/lib/api/query-params";
import { isoDateTime, tokenUserSchema } from "@/lib/api/shapes";
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

/**
 * The login tokens' requests and responses. Handlers parse requests and
 * their own responses with these schemas and the OpenAPI document is
 * generated from the same objects, so the two cannot drift apart. Request
 * objects are strict: a field the API does not know is refused, not ignored.
 * Response objects are strict too, so a field that is not in the contract
 * (such as a token value in a list) fails the handler instead of leaking.
 */

export const EXPIRES_IN_MIN = 60;
export const EXPIRES_IN_MAX = 86_400;

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

export { param };

export const listLoginTokensQuerySchema = z
  .strictObject({
    ...loginTokenFilterApiParams,
    limit: queryLimit("Tokens"),
    cursor: param(
      z
        .string()
        .max(200)
        .transform((value, ctx) => {
          const decoded = decodeListCursor(value);
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
