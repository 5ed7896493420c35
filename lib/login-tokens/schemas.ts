import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { EARLIEST_READABLE_DATE, LATEST_READABLE_DATE } from "@/lib/readable-date";
import { asciiPath } from "@/lib/utils";

/** Extra is free text up to 4 KB. */
export const EXTRA_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 500;

export const userTypeSchema = z.enum(["CONTACT", "CUSTOMER"]);
export type UserTypeValue = z.infer<typeof userTypeSchema>;

/** The largest id an `integer` column holds; a larger one can name no row. */
export const INT32_MAX = 2_147_483_647;

/**
 * A contact or a customer; null stands for an anonymous token. The id is
 * checked on the whole object so that its message reaches the picker's field
 * (the actions report errors per top-level field).
 */
export const userRefSchema = z
  .object({ type: userTypeSchema, id: z.number() })
  .refine(({ id }) => Number.isInteger(id) && id >= 1 && id <= INT32_MAX, "No contact or customer has this id.");
export type UserRef = z.infer<typeof userRefSchema>;

/** An origin such as https://procurement.example.com, compared with the redeeming browser's. */
export const originSchema = plainText("The origin")
  .trim()
  .max(255)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value.replace(/\/$/, "");
    } catch {
      return false;
    }
  }, "Enter an origin such as https://shop.example.com (scheme and host, no path).")
  .transform((value) => new URL(value).origin);

export const RELATIVE_PATH_MAX_LENGTH = 2000;
const RELATIVE_PATH_MESSAGE = "Enter a path on this site that starts with /, such as /shop.";

/**
 * A path on this site: starts with one slash, so it can never send a visitor
 * elsewhere. It is stored as a URL carries it (asciiPath: `/shop/€uro` as
 * `/shop/%E2%82%ACuro`), so the redemption's `Location` is always a valid header.
 */
export const relativePathSchema = plainText("The path")
  .trim()
  .max(RELATIVE_PATH_MAX_LENGTH, `The path can be at most ${RELATIVE_PATH_MAX_LENGTH.toLocaleString("en")} characters.`)
  .regex(/^\/(?![/\\])[^\s\\]*$/, RELATIVE_PATH_MESSAGE)
  .transform((value, ctx) => {
    const path = asciiPath(value);
    if (path === null || path.length > RELATIVE_PATH_MAX_LENGTH) {
      ctx.addIssue({
        code: "custom",
        message: path === null ? RELATIVE_PATH_MESSAGE : `The path can be at most ${RELATIVE_PATH_MAX_LENGTH.toLocaleString("en")} characters once encoded.`,
      });
      return z.NEVER;
    }
    return path;
  });

/** Free text of the dialog; `what` names the field in a refusal. */
export const freeTextSchema = (what: string, max: number, message: string) => plainText(what, { multiline: true }).trim().max(max, message);

const optionalText = (what: string, max: number, message: string) => freeTextSchema(what, max, message).transform((value) => (value === "" ? null : value));

// An empty field means "none"; anything else must pass `schema`, whose own message then reaches the field.
const emptyOr = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .transform((value) => (value.trim() === "" ? null : value))
    .pipe(schema.nullable());

/** How far ahead an expiry may lie: far enough for any real token, near enough that every reader can show it. */
export const EXPIRY_MAX_YEARS = 10;

/** The latest expiry a token may be given at `now`. */
export function latestExpiry(now = new Date()): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + EXPIRY_MAX_YEARS);
  return latest;
}

const EXPIRY_TOO_FAR_MESSAGE = `The expiry can be at most ${EXPIRY_MAX_YEARS} years from now.`;
const EXPIRY_PAST_MESSAGE = "The expiry must be in the future.";

/**
 * An expiry at most EXPIRY_MAX_YEARS ahead: the one bound of every date the
 * product accepts, shared by the dialogs, their actions and the API. An edit
 * may keep a past expiry (the service refuses a new one in the past).
 */
export const expiryDateSchema = z
  .date({ error: "Pick a date and time, or choose Never." })
  .refine((date) => date.getTime() <= latestExpiry().getTime(), EXPIRY_TOO_FAR_MESSAGE);

/** A new token's expiry: after now, and at most EXPIRY_MAX_YEARS ahead. */
export const futureExpiryDateSchema = expiryDateSchema.refine((date) => date.getTime() > Date.now(), EXPIRY_PAST_MESSAGE);

const expiresAtSchema = expiryDateSchema.nullable();

export const MAX_USES_LIMIT = 1000;
export const USE_WINDOW_MAX_MINUTES = 525_600;

/** How often a reusable token works (null: unlimited); a one-time token is "once" and ignores it. */
export const maxUsesSchema = z
  .number({ error: "Enter a whole number of uses, or leave empty for unlimited." })
  .int("Enter a whole number of uses, or leave empty for unlimited.")
  .min(2, "At least 2 uses; a token for a single use is one-time.")
  .max(MAX_USES_LIMIT, `At most ${MAX_USES_LIMIT.toLocaleString("en")} uses; leave empty for unlimited.`);

/** Minutes the token keeps working after its first use (null: until it expires). */
export const useWindowMinutesSchema = z
  .number({ error: "Enter a whole number of minutes, or leave empty." })
  .int("Enter a whole number of minutes, or leave empty.")
  .min(1, "Enter at least 1 minute, or leave empty.")
  .max(USE_WINDOW_MAX_MINUTES, "At most 525,600 minutes (a year).");

/** The fields the create and edit dialogs share. */
const loginTokenFields = {
  user: userRefSchema.nullable(),
  expiresAt: expiresAtSchema,
  extra: optionalText("Extra", EXTRA_MAX_LENGTH, `Extra can be at most ${EXTRA_MAX_LENGTH.toLocaleString("en")} characters.`),
  oneTimeUse: z.boolean(),
  maxUses: maxUsesSchema.nullable().default(null),
  useWindowMinutes: useWindowMinutesSchema.nullable().default(null),
  referrer: emptyOr(originSchema),
  redirectPath: emptyOr(relativePathSchema),
};

export const createLoginTokenSchema = z.object({
  ...loginTokenFields,
  expiresAt: futureExpiryDateSchema.nullable(),
  reason: optionalText("The reason", REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`),
  /** Creating the token deletes the person's other live links made by staff. */
  revokeOtherLinks: z.boolean().default(false),
});
export type CreateLoginTokenInput = z.input<typeof createLoginTokenSchema>;
export type CreateLoginTokenValues = z.output<typeof createLoginTokenSchema>;

/**
 * An edit names the version it started from, so that two people editing the
 * same token cannot silently overwrite each other. Whom the token signs in is
 * not among its fields: it is fixed when the token is made, so an edit can
 * never send a link that is already out to somebody else.
 */
export const updateLoginTokenSchema = z
  .object({
    id: z.uuid(),
    // A version read from the database: bounded to what a reader can show, so that no date reaches the query that PostgreSQL cannot take.
    expectedUpdatedAt: z.date().min(EARLIEST_READABLE_DATE).max(LATEST_READABLE_DATE),
    ...loginTokenFields,
  })
  .omit({ user: true })
  .extend({ user: z.never({ error: "Whom a token is for cannot change. Duplicate it for another person instead." }).optional() });
export type UpdateLoginTokenInput = z.input<typeof updateLoginTokenSchema>;
export type UpdateLoginTokenValues = z.output<typeof updateLoginTokenSchema>;

export const loginTokenIdSchema = z.object({ id: z.uuid() });

/** The picker's search for contacts and customers by name or email. */
export const searchTokenUsersSchema = z.object({ query: plainText("The search").max(100, "Search with at most 100 characters.") });
/** End one of a token's webshop sessions, or all of them when no session is named. */
export const endTokenSessionsSchema = z.object({ id: z.uuid(), sessionId: z.uuid().optional() });

export const deleteLoginTokensSchema = z.object({
  ids: z.array(z.uuid()).min(1, "Select at least one token.").max(10_000, "Delete at most 10,000 tokens at once."),
});
