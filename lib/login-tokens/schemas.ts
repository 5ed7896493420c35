import { z } from "zod";

/** The limit of DESIGN.md: extra is free text up to 4 KB. */
export const EXTRA_MAX_LENGTH = 4000;
export const REASON_MAX_LENGTH = 500;

export const userTypeSchema = z.enum(["CONTACT", "CUSTOMER"]);
export type UserTypeValue = z.infer<typeof userTypeSchema>;

/** A contact or a customer; null stands for an anonymous token. */
export const userRefSchema = z.object({ type: userTypeSchema, id: z.number().int().positive() });
export type UserRef = z.infer<typeof userRefSchema>;

/** An origin such as https://procurement.example.com, compared with the redeeming browser's. */
export const originSchema = z
  .string()
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

/** A path on this site: starts with one slash, so it can never send a visitor elsewhere. */
export const relativePathSchema = z
  .string()
  .trim()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s\\]*$/, "Enter a path on this site that starts with /, such as /shop/orders.");

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).transform((value) => (value === "" ? null : value));

// An empty field means "none"; anything else must pass `schema`, whose own message then reaches the field.
const emptyOr = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .transform((value) => (value.trim() === "" ? null : value))
    .pipe(schema.nullable());

const expiresAtSchema = z.date({ error: "Pick a date and time, or choose Never." }).nullable();

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
  extra: optionalText(EXTRA_MAX_LENGTH, `Extra can be at most ${EXTRA_MAX_LENGTH.toLocaleString("en")} characters.`),
  oneTimeUse: z.boolean(),
  maxUses: maxUsesSchema.nullable().default(null),
  useWindowMinutes: useWindowMinutesSchema.nullable().default(null),
  referrer: emptyOr(originSchema),
  redirectPath: emptyOr(relativePathSchema),
};

export const createLoginTokenSchema = z
  .object({
    ...loginTokenFields,
    reason: optionalText(REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`),
    /** Creating the token deletes the person's other live links made by staff. */
    revokeOtherLinks: z.boolean().default(false),
  })
  .refine((input) => !input.expiresAt || input.expiresAt.getTime() > Date.now(), {
    path: ["expiresAt"],
    message: "The expiry must be in the future.",
  });
export type CreateLoginTokenInput = z.input<typeof createLoginTokenSchema>;
export type CreateLoginTokenValues = z.output<typeof createLoginTokenSchema>;

/**
 * An edit names the version it started from, so that two people editing the
 * same token cannot silently overwrite each other.
 */
export const updateLoginTokenSchema = z.object({
  id: z.uuid(),
  expectedUpdatedAt: z.date(),
  ...loginTokenFields,
});
export type UpdateLoginTokenInput = z.input<typeof updateLoginTokenSchema>;
export type UpdateLoginTokenValues = z.output<typeof updateLoginTokenSchema>;

export const loginTokenIdSchema = z.object({ id: z.uuid() });

/** End one of a token's webshop sessions, or all of them when no session is named. */
export const endTokenSessionsSchema = z.object({ id: z.uuid(), sessionId: z.uuid().optional() });

export const deleteLoginTokensSchema = z.object({
  ids: z.array(z.uuid()).min(1, "Select at least one token.").max(10_000, "Delete at most 10,000 tokens at once."),
});
