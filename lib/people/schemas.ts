import { z } from "zod";

// The webshop's people as the sync API, the CSV import and the pages read
// them. One schema per kind, with its bounds stated once.

export const PERSON_KINDS = ["company", "contact", "customer"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PERSON_ID_MAX = 2_147_483_647;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const BATCH_MAX_ITEMS = 1000;

/** The webshop's own id: a positive 32-bit integer. */
export const personIdSchema = z
  .number({ error: "The id must be a whole number." })
  .int("The id must be a whole number.")
  .positive("The id must be positive.")
  .max(PERSON_ID_MAX, `The id can be at most ${PERSON_ID_MAX}.`);

const name = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, `${what} must not be empty.`)
    .max(NAME_MAX_LENGTH, `${what} can be at most ${NAME_MAX_LENGTH} characters.`)
    .regex(/^[^\u0000-\u001f\u007f]*$/, `${what} must not contain control characters.`);

/** Stored lower-cased: the unique index then compares emails case-insensitively. */
const emailSchema = z
  .string({ error: "email must be text." })
  .trim()
  .max(EMAIL_MAX_LENGTH, `email can be at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email({ error: "email must be an email address." }))
  .transform((value) => value.toLowerCase());

/** Left out: a new person gets ASSISTANCE_DEFAULT, an existing one keeps what it has. */
const assistanceSchema = z.boolean({ error: "assistanceAllowed must be true or false." }).optional();

export const companyInputSchema = z.strictObject({
  name: name("name"),
  assistanceAllowed: assistanceSchema,
});
export type CompanyInput = z.output<typeof companyInputSchema>;

export const contactInputSchema = z.strictObject({
  companyId: personIdSchema,
  firstName: name("firstName"),
  lastName: name("lastName"),
  email: emailSchema,
  assistanceAllowed: assistanceSchema,
});
export type ContactInput = z.output<typeof contactInputSchema>;

export const customerInputSchema = z.strictObject({
  firstName: name("firstName"),
  lastName: name("lastName"),
  email: emailSchema,
  assistanceAllowed: assistanceSchema,
});
export type CustomerInput = z.output<typeof customerInputSchema>;

export const PERSON_INPUT_SCHEMAS = {
  company: companyInputSchema,
  contact: contactInputSchema,
  customer: customerInputSchema,
} as const;

/** One upsert of a batch or an import, with its webshop id. */
export type PersonUpsert =
  | { kind: "company"; id: number; input: CompanyInput }
  | { kind: "contact"; id: number; input: ContactInput }
  | { kind: "customer"; id: number; input: CustomerInput };

export const PEOPLE_STATUSES = ["active", "deactivated"] as const;
export type PeopleStatus = (typeof PEOPLE_STATUSES)[number];

export const SEARCH_MAX_LENGTH = 100;
