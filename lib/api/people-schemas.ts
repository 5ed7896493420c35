import { z } from "zod";
import { ALWAYS, WITH_BODY, type EndpointSpec } from "@/lib/api/endpoint-registry";
import { param } from "@/lib/api/schemas";
import { isoDateTime, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from "@/lib/api/shapes";
import {
  BATCH_MAX_ITEMS,
  companyInputSchema,
  contactInputSchema,
  customerInputSchema,
  PEOPLE_STATUSES,
  personIdSchema,
  SEARCH_MAX_LENGTH,
} from "@/lib/people/schemas";

// The sync API's contract for the webshop's companies, contacts and
// customers, in the style of the login tokens' (lib/api/schemas.ts). The
// field schemas of lib/people/schemas.ts may be made before zod is extended
// with `.openapi()` (the pages load them too), so they are described with
// zod's own `.meta()`; only schemas made here use `.openapi()`.

const ASSISTANCE =
  "Whether staff may sign in as this person (for a company: as any of its contacts). Left out: a new record gets the installation's default (ASSISTANCE_DEFAULT), an existing one keeps its value.";

export const companyBodySchema = companyInputSchema
  .extend({ assistanceAllowed: companyInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }) })
  .openapi("CompanyInput", { example: { name: "Brouwer Installatietechniek B.V.", assistanceAllowed: true } });

export const contactBodySchema = contactInputSchema
  .extend({
    companyId: contactInputSchema.shape.companyId.meta({ description: "The webshop's id of the contact's company; it must exist (COMPANY_UNKNOWN)." }),
    email: contactInputSchema.shape.email.meta({ description: "Unique among contacts, compared case-insensitively (EMAIL_TAKEN); stored lower-cased." }),
    assistanceAllowed: contactInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }),
  })
  .openapi("ContactInput", { example: { companyId: 17, firstName: "Cora", lastName: "Jansen", email: "cora@buyer.example" } });

export const customerBodySchema = customerInputSchema
  .extend({
    email: customerInputSchema.shape.email.meta({ description: "Unique among customers, compared case-insensitively (EMAIL_TAKEN); stored lower-cased." }),
    assistanceAllowed: customerInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }),
  })
  .openapi("CustomerInput", { example: { firstName: "Cyril", lastName: "Dupont", email: "cyril@shopper.example", assistanceAllowed: false } });

const idParams = (what: string) =>
  z.strictObject({
    id: param(z.coerce.number({ error: "Use the webshop's id, a whole number." }).pipe(personIdSchema), `The webshop's id of the ${what}.`, 1042),
  });
export const companyIdParamsSchema = idParams("company");
export const contactIdParamsSchema = idParams("contact");
export const customerIdParamsSchema = idParams("customer");

// ─── Responses ──────────────────────────────────────────────────────────────

export const UPSERT_RESULTS = ["created", "updated", "unchanged"] as const;
const upsertResult = z
  .enum(UPSERT_RESULTS)
  .openapi({ description: "created: new; updated: a field changed (or the person was reactivated); unchanged: the same as stored, nothing written." });

export const companySchema = z
  .strictObject({
    id: z.number().int().positive(),
    name: z.string(),
    assistanceAllowed: z.boolean(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime.openapi({ description: "Moves only when a PUT changes something." }),
  })
  .openapi("Company");
export type CompanyResponse = z.input<typeof companySchema>;

const personFields = {
  id: z.number().int().positive(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  assistanceAllowed: z.boolean().openapi({ description: "The person's own setting." }),
  active: z.boolean().openapi({ description: "False once deactivated (DELETE); a PUT reactivates." }),
  deactivatedAt: isoDateTime.nullable(),
  liveTokens: z.number().int().min(0).openapi({ description: "Tokens of this person that would redeem now." }),
  lastUsedAt: isoDateTime.nullable().openapi({ description: "The last successful use of one of the person's login links." }),
  createdAt: isoDateTime,
  updatedAt: isoDateTime.openapi({ description: "Moves only when a PUT, a batch or an import changes something." }),
};

export const contactSchema = z
  .strictObject({
    ...personFields,
    companyId: z.number().int().positive(),
    companyName: z.string(),
    companyAssistanceAllowed: z.boolean().openapi({ description: "A company that denies assistance denies it for all its contacts." }),
  })
  .openapi("Contact");
export type ContactResponse = z.input<typeof contactSchema>;

export const customerSchema = z.strictObject(personFields).openapi("Customer");
export type CustomerResponse = z.input<typeof customerSchema>;

const upserted = <T extends z.ZodType>(name: string, record: T, key: string) => z.strictObject({ result: upsertResult, [key]: record }).openapi(name);
export const companyUpsertedSchema = upserted("CompanyUpserted", companySchema, "company");
export const contactUpsertedSchema = upserted("ContactUpserted", contactSchema, "contact");
export const customerUpsertedSchema = upserted("CustomerUpserted", customerSchema, "customer");

const listOf = <T extends z.ZodType>(name: string, item: T) =>
  z
    .strictObject({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` to get the next page; null on the last page." }),
    })
    .openapi(name);
export const companyListSchema = listOf("CompanyList", companySchema);
export const contactListSchema = listOf("ContactList", contactSchema);
export const customerListSchema = listOf("CustomerList", customerSchema);

// ─── List queries ───────────────────────────────────────────────────────────

/** An opaque cursor: base64url JSON of the last row's place in the list's order. */
export function encodePeopleCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

const cursorParam = <T extends z.ZodType>(payload: T) =>
  param(
    z
      .string()
      .max(700)
      .transform((value, ctx): z.output<T> => {
        try {
          const parsed = payload.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
          if (parsed.success) return parsed.data;
        } catch {
          // Not base64url JSON: refused below like any other foreign cursor.
        }
        ctx.addIssue({ code: "custom", message: "This cursor was not issued by this API. Start again without a cursor." });
        return z.NEVER;
      })
      .optional(),
    "The nextCursor of the previous page.",
  );

const searchParam = (description: string) =>
  param(
    z.string().trim().min(1, "search must not be empty.").max(SEARCH_MAX_LENGTH, `search can be at most ${SEARCH_MAX_LENGTH} characters.`).optional(),
    description,
  );

const limitParam = param(
  z.coerce
    .number({ error: "limit must be a number." })
    .int(`limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
    .min(1, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
    .max(LIST_LIMIT_MAX, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
    .default(LIST_LIMIT_DEFAULT),
  `Records per page, 1 to ${LIST_LIMIT_MAX}.`,
  LIST_LIMIT_DEFAULT,
);

const statusParam = param(z.enum(PEOPLE_STATUSES).optional(), "Only active or only deactivated people. Without it, both.");

export const peopleCursorPayloadSchema = z.strictObject({ l: z.string().max(200), f: z.string().max(200), i: personIdSchema });

export const listCompaniesQuerySchema = z.strictObject({
  search: searchParam("Companies whose name starts with this, case-insensitive."),
  limit: limitParam,
  cursor: cursorParam(z.strictObject({ i: personIdSchema })),
});
export type ListCompaniesQuery = z.output<typeof listCompaniesQuerySchema>;

export const listContactsQuerySchema = z.strictObject({
  search: searchParam("Contacts whose email, full name, last name or company name starts with this, case-insensitive."),
  companyId: param(z.coerce.number({ error: "Use a whole number." }).pipe(personIdSchema).optional(), "Only contacts of this company."),
  status: statusParam,
  limit: limitParam,
  cursor: cursorParam(peopleCursorPayloadSchema),
});
export type ListContactsQuery = z.output<typeof listContactsQuerySchema>;

export const listCustomersQuerySchema = z.strictObject({
  search: searchParam("Customers whose email, full name or last name starts with this, case-insensitive."),
  status: statusParam,
  limit: limitParam,
  cursor: cursorParam(peopleCursorPayloadSchema),
});
export type ListCustomersQuery = z.output<typeof listCustomersQuerySchema>;

// ─── POST /people/batch ─────────────────────────────────────────────────────

const withKindAndId = <K extends string, S extends z.ZodObject>(kind: K, schema: S) =>
  schema.extend({ kind: z.literal(kind), id: personIdSchema.meta({ description: "The webshop's id." }) });

/** One item of a batch: a company, contact or customer, with its id, as its PUT would send it. */
export const peopleBatchItemSchema = z
  .discriminatedUnion(
    "kind",
    [withKindAndId("company", companyInputSchema), withKindAndId("contact", contactInputSchema), withKindAndId("customer", customerInputSchema)],
    {
      error: "kind must be company, contact or customer.",
    },
  )
  .openapi("PeopleBatchItem");
export type PeopleBatchItem = z.output<typeof peopleBatchItemSchema>;

export const peopleBatchBodySchema = z
  .strictObject({
    items: z
      .array(z.unknown().openapi({ allOf: [{ $ref: "#/components/schemas/PeopleBatchItem" }] }), { error: "items must be a list." })
      .min(1, "Send at least one item.")
      .max(BATCH_MAX_ITEMS, `Send at most ${BATCH_MAX_ITEMS.toLocaleString("en")} items per batch.`)
      .openapi({
        description: `Up to ${BATCH_MAX_ITEMS.toLocaleString("en")} upserts, each checked on its own: a bad item is answered with its error and does not stop the others.`,
      }),
  })
  .openapi("PeopleBatchRequest", {
    example: {
      items: [
        { kind: "company", id: 17, name: "Brouwer Installatietechniek B.V." },
        { kind: "contact", id: 1042, companyId: 17, firstName: "Cora", lastName: "Jansen", email: "cora@buyer.example" },
        { kind: "customer", id: 5001, firstName: "Cyril", lastName: "Dupont", email: "cyril@shopper.example" },
      ],
    },
  });

export const BATCH_ITEM_ERROR_CODES = ["VALIDATION_FAILED", "EMAIL_TAKEN", "COMPANY_UNKNOWN", "DUPLICATE_IN_BATCH"] as const;

export const peopleBatchResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        index: z.number().int().min(0).openapi({ description: "The item's place in `items`, from 0." }),
        kind: z.enum(["company", "contact", "customer"]).nullable().openapi({ description: "Null when the item had no valid kind." }),
        id: z.number().int().nullable(),
        result: z.enum([...UPSERT_RESULTS, "error"]),
        error: z
          .strictObject({
            code: z.enum(BATCH_ITEM_ERROR_CODES),
            message: z.string(),
            details: z.array(z.strictObject({ path: z.string().openapi({ example: "items.3.email" }), message: z.string() })),
          })
          .optional(),
      }),
    ),
    counts: z.strictObject({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  })
  .openapi("PeopleBatchResult", { description: "One result per item, in the order sent." });
export type PeopleBatchResultResponse = z.input<typeof peopleBatchResultSchema>;

// ─── The endpoints ──────────────────────────────────────────────────────────

const PUT_ERRORS = [...ALWAYS, ...WITH_BODY, "VALIDATION_FAILED", "EMAIL_TAKEN"] as const;

const upsertEndpoint = <P extends z.ZodType, B extends z.ZodType, S extends z.ZodType>(
  kind: "company" | "contact" | "customer",
  path: string,
  params: P,
  body: B,
  schema: S,
  extra: string,
) =>
  ({
    operationId: `put${kind[0]!.toUpperCase()}${kind.slice(1)}`,
    method: "put",
    path,
    tag: "People",
    summary: `Create or update a ${kind}`,
    description: `Creates the ${kind} with the webshop's id, or replaces its fields. Idempotent: sending the same body again writes nothing (result unchanged, updatedAt kept, no audit event).${extra}`,
    params,
    body,
    success: { status: 200, description: `The ${kind} as stored, and what the call did.`, schema, xml: { root: `${kind}Upserted` } },
    errors: [...PUT_ERRORS],
  }) as const;

export const PEOPLE_ENDPOINTS = {
  putCompany: {
    ...upsertEndpoint("company", "/api/v1/companies/{id}", companyIdParamsSchema, companyBodySchema, companyUpsertedSchema, ""),
    errors: [...ALWAYS, ...WITH_BODY, "VALIDATION_FAILED"],
  },
  putContact: {
    ...upsertEndpoint(
      "contact",
      "/api/v1/contacts/{id}",
      contactIdParamsSchema,
      contactBodySchema,
      contactUpsertedSchema,
      " A deactivated contact is reactivated.",
    ),
    errors: [...PUT_ERRORS, "COMPANY_UNKNOWN"],
  },
  putCustomer: upsertEndpoint(
    "customer",
    "/api/v1/customers/{id}",
    customerIdParamsSchema,
    customerBodySchema,
    customerUpsertedSchema,
    " A deactivated customer is reactivated.",
  ),
  listCompanies: {
    operationId: "listCompanies",
    method: "get",
    path: "/api/v1/companies",
    tag: "People",
    summary: "List companies",
    description: "In id order, cut by a cursor.",
    query: listCompaniesQuerySchema,
    success: { status: 200, description: "A page of companies.", schema: companyListSchema, xml: { root: "companies", items: { data: "company" } } },
    errors: [...ALWAYS, "VALIDATION_FAILED"],
  },
  getCompany: {
    operationId: "getCompany",
    method: "get",
    path: "/api/v1/companies/{id}",
    tag: "People",
    summary: "Show a company",
    description: "One company by the webshop's id.",
    params: companyIdParamsSchema,
    success: { status: 200, description: "The company.", schema: companySchema, xml: { root: "company" } },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  },
  listContacts: {
    operationId: "listContacts",
    method: "get",
    path: "/api/v1/contacts",
    tag: "People",
    summary: "List contacts",
    description: "By last name, first name and id, cut by a cursor; searchable by a prefix of the email, name or company name.",
    query: listContactsQuerySchema,
    success: { status: 200, description: "A page of contacts.", schema: contactListSchema, xml: { root: "contacts", items: { data: "contact" } } },
    errors: [...ALWAYS, "VALIDATION_FAILED"],
  },
  getContact: {
    operationId: "getContact",
    method: "get",
    path: "/api/v1/contacts/{id}",
    tag: "People",
    summary: "Show a contact",
    description: "One contact by the webshop's id, deactivated or not.",
    params: contactIdParamsSchema,
    success: { status: 200, description: "The contact.", schema: contactSchema, xml: { root: "contact" } },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  },
  deactivateContact: {
    operationId: "deactivateContact",
    method: "delete",
    path: "/api/v1/contacts/{id}",
    tag: "People",
    summary: "Deactivate a contact",
    description:
      "The contact's tokens stop redeeming at once and the shop sessions they hold end; tokens and history stay for the audit log. Deactivating a deactivated contact changes nothing. A PUT reactivates.",
    params: contactIdParamsSchema,
    success: { status: 204, description: "The contact is deactivated." },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  },
  listCustomers: {
    operationId: "listCustomers",
    method: "get",
    path: "/api/v1/customers",
    tag: "People",
    summary: "List customers",
    description: "By last name, first name and id, cut by a cursor; searchable by a prefix of the email or name.",
    query: listCustomersQuerySchema,
    success: { status: 200, description: "A page of customers.", schema: customerListSchema, xml: { root: "customers", items: { data: "customer" } } },
    errors: [...ALWAYS, "VALIDATION_FAILED"],
  },
  getCustomer: {
    operationId: "getCustomer",
    method: "get",
    path: "/api/v1/customers/{id}",
    tag: "People",
    summary: "Show a customer",
    description: "One customer by the webshop's id, deactivated or not.",
    params: customerIdParamsSchema,
    success: { status: 200, description: "The customer.", schema: customerSchema, xml: { root: "customer" } },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  },
  deactivateCustomer: {
    operationId: "deactivateCustomer",
    method: "delete",
    path: "/api/v1/customers/{id}",
    tag: "People",
    summary: "Deactivate a customer",
    description: "As for contacts: tokens stop redeeming, shop sessions end, history stays; a PUT reactivates.",
    params: customerIdParamsSchema,
    success: { status: 204, description: "The customer is deactivated." },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  },
  upsertPeopleBatch: {
    operationId: "upsertPeopleBatch",
    method: "post",
    path: "/api/v1/people/batch",
    tag: "People",
    summary: "Create or update people in a batch",
    description:
      "Up to 1,000 companies, contacts and customers in one request, applied in one statement per kind (companies first). Each item is answered on its own: created, updated, unchanged, or its error with the field's path. An item is applied whole or not at all; a bad item does not stop the others.",
    body: peopleBatchBodySchema,
    maxBodyBytes: 1024 * 1024,
    success: {
      status: 200,
      description: "One result per item.",
      schema: peopleBatchResultSchema,
      xml: { root: "batch", items: { results: "result", details: "detail" } },
    },
    errors: [...ALWAYS, ...WITH_BODY, "VALIDATION_FAILED"],
  },
} as const satisfies Record<string, EndpointSpec>;

export type PeopleEndpointName = keyof typeof PEOPLE_ENDPOINTS;
