import { z } from "zod";
import { ALWAYS, WITH_BODY, type EndpointSpec } from "@/lib/api/endpoint-registry";
import type { ApiErrorCode } from "@/lib/api/errors";
import { queryLimit } from "@/lib/api/query-params";
import { param } from "@/lib/api/schemas";
import { isoDateTime } from "@/lib/api/shapes";
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

const companyBodySchema = companyInputSchema
  .extend({ assistanceAllowed: companyInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }) })
  .openapi("CompanyInput", { example: { name: "Brouwer Installatietechniek B.V.", assistanceAllowed: true } });

const contactBodySchema = contactInputSchema
  .extend({
    companyId: contactInputSchema.shape.companyId.meta({ description: "The webshop's id of the contact's company; it must exist (COMPANY_UNKNOWN)." }),
    email: contactInputSchema.shape.email.meta({ description: "Unique among contacts, compared case-insensitively (EMAIL_TAKEN); stored lower-cased." }),
    assistanceAllowed: contactInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }),
  })
  .openapi("ContactInput", { example: { companyId: 17, firstName: "Cora", lastName: "Jansen", email: "cora@buyer.example" } });

const customerBodySchema = customerInputSchema
  .extend({
    email: customerInputSchema.shape.email.meta({ description: "Unique among customers, compared case-insensitively (EMAIL_TAKEN); stored lower-cased." }),
    assistanceAllowed: customerInputSchema.shape.assistanceAllowed.meta({ description: ASSISTANCE }),
  })
  .openapi("CustomerInput", { example: { firstName: "Cyril", lastName: "Dupont", email: "cyril@shopper.example", assistanceAllowed: false } });

const idParams = (what: string) =>
  z.strictObject({
    id: param(z.coerce.number({ error: "Use the webshop's id, a whole number." }).pipe(personIdSchema), `The webshop's id of the ${what}.`, 1042),
  });

// ─── Responses ──────────────────────────────────────────────────────────────

export const UPSERT_RESULTS = ["created", "updated", "unchanged"] as const;
const upsertResult = z
  .enum(UPSERT_RESULTS)
  .openapi({ description: "created: new; updated: a field changed (or the person was reactivated); unchanged: the same as stored, nothing written." });

const companySchema = z
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

const contactSchema = z
  .strictObject({
    ...personFields,
    companyId: z.number().int().positive(),
    companyName: z.string(),
    companyAssistanceAllowed: z.boolean().openapi({ description: "A company that denies assistance denies it for all its contacts." }),
  })
  .openapi("Contact");
export type ContactResponse = z.input<typeof contactSchema>;

const customerSchema = z.strictObject(personFields).openapi("Customer");
export type CustomerResponse = z.input<typeof customerSchema>;

const upserted = <T extends z.ZodType>(name: string, record: T, key: string) => z.strictObject({ result: upsertResult, [key]: record }).openapi(name);

const listOf = <T extends z.ZodType>(name: string, item: T) =>
  z
    .strictObject({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` to get the next page; null on the last page." }),
    })
    .openapi(name);

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

const limitParam = queryLimit("Records");

const statusParam = param(z.enum(PEOPLE_STATUSES).optional(), "Only active or only deactivated people. Without it, both.");

export const peopleCursorPayloadSchema = z.strictObject({ l: z.string().max(200), f: z.string().max(200), i: personIdSchema });

const listCompaniesQuerySchema = z.strictObject({
  search: searchParam("Companies whose name starts with this, case-insensitive."),
  limit: limitParam,
  cursor: cursorParam(z.strictObject({ i: personIdSchema })),
});
export type ListCompaniesQuery = z.output<typeof listCompaniesQuerySchema>;

const listContactsQuerySchema = z.strictObject({
  search: searchParam("Contacts whose email, full name, last name or company name starts with this, case-insensitive."),
  companyId: param(z.coerce.number({ error: "Use a whole number." }).pipe(personIdSchema).optional(), "Only contacts of this company."),
  status: statusParam,
  limit: limitParam,
  cursor: cursorParam(peopleCursorPayloadSchema),
});
export type ListContactsQuery = z.output<typeof listContactsQuerySchema>;

const listCustomersQuerySchema = z.strictObject({
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

/** What tells one kind of person's endpoints from another's; the rest is said once, below. */
interface KindApi<P extends z.ZodType, B extends z.ZodType, R extends z.ZodType, Q extends z.ZodType> {
  kind: "company" | "contact" | "customer";
  plural: string;
  params: P;
  body: B;
  record: R;
  listQuery: Q;
  listDescription: string;
  /** Refusals of a PUT besides VALIDATION_FAILED. */
  putRefusals: readonly ApiErrorCode[];
  /** Whether a DELETE deactivates: then a PUT reactivates, and a GET shows a deactivated one. */
  deactivates: boolean;
}

const capitalized = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`;

/** The PUT, list and show endpoints of one kind of person, and the shapes they answer with. */
function kindEndpoints<P extends z.ZodType, B extends z.ZodType, R extends z.ZodType, Q extends z.ZodType>(api: KindApi<P, B, R, Q>) {
  const { kind, plural, params, record, deactivates } = api;
  const name = capitalized(kind);
  const path = `/api/v1/${plural}`;
  return {
    put: {
      operationId: `put${name}`,
      method: "put",
      path: `${path}/{id}`,
      tag: "People",
      summary: `Create or update a ${kind}`,
      description: `Creates the ${kind} with the webshop's id, or replaces its fields. Idempotent: sending the same body again writes nothing (result unchanged, updatedAt kept, no audit event).${deactivates ? ` A deactivated ${kind} is reactivated.` : ""}`,
      params,
      body: api.body,
      success: {
        status: 200,
        description: `The ${kind} as stored, and what the call did.`,
        schema: upserted(`${name}Upserted`, record, kind),
        xml: { root: `${kind}Upserted` },
      },
      errors: [...ALWAYS, ...WITH_BODY, "VALIDATION_FAILED", ...api.putRefusals],
    },
    list: {
      operationId: `list${capitalized(plural)}`,
      method: "get",
      path,
      tag: "People",
      summary: `List ${plural}`,
      description: api.listDescription,
      query: api.listQuery,
      success: {
        status: 200,
        description: `A page of ${plural}.`,
        schema: listOf(`${name}List`, record),
        xml: { root: plural, items: { data: kind } },
      },
      errors: [...ALWAYS, "VALIDATION_FAILED"],
    },
    get: {
      operationId: `get${name}`,
      method: "get",
      path: `${path}/{id}`,
      tag: "People",
      summary: `Show a ${kind}`,
      description: `One ${kind} by the webshop's id${deactivates ? ", deactivated or not" : ""}.`,
      params,
      success: { status: 200, description: `The ${kind}.`, schema: record, xml: { root: kind } },
      errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
    },
  } as const satisfies Record<string, EndpointSpec>;
}

const deactivateEndpoint = <P extends z.ZodType>(kind: "contact" | "customer", plural: string, params: P, description: string) =>
  ({
    operationId: `deactivate${capitalized(kind)}`,
    method: "delete",
    path: `/api/v1/${plural}/{id}`,
    tag: "People",
    summary: `Deactivate a ${kind}`,
    description,
    params,
    success: { status: 204, description: `The ${kind} is deactivated.` },
    errors: [...ALWAYS, "VALIDATION_FAILED", "PERSON_NOT_FOUND"],
  }) as const satisfies EndpointSpec;

const contactIdParams = idParams("contact");
const customerIdParams = idParams("customer");

const COMPANY = kindEndpoints({
  kind: "company",
  plural: "companies",
  params: idParams("company"),
  body: companyBodySchema,
  record: companySchema,
  listQuery: listCompaniesQuerySchema,
  listDescription: "In id order, cut by a cursor.",
  putRefusals: [],
  deactivates: false,
});

const CONTACT = kindEndpoints({
  kind: "contact",
  plural: "contacts",
  params: contactIdParams,
  body: contactBodySchema,
  record: contactSchema,
  listQuery: listContactsQuerySchema,
  listDescription: "By last name, first name and id, cut by a cursor; searchable by a prefix of the email, name or company name.",
  putRefusals: ["EMAIL_TAKEN", "COMPANY_UNKNOWN"],
  deactivates: true,
});

const CUSTOMER = kindEndpoints({
  kind: "customer",
  plural: "customers",
  params: customerIdParams,
  body: customerBodySchema,
  record: customerSchema,
  listQuery: listCustomersQuerySchema,
  listDescription: "By last name, first name and id, cut by a cursor; searchable by a prefix of the email or name.",
  putRefusals: ["EMAIL_TAKEN"],
  deactivates: true,
});

export const PEOPLE_ENDPOINTS = {
  putCompany: COMPANY.put,
  putContact: CONTACT.put,
  putCustomer: CUSTOMER.put,
  listCompanies: COMPANY.list,
  getCompany: COMPANY.get,
  listContacts: CONTACT.list,
  getContact: CONTACT.get,
  deactivateContact: deactivateEndpoint(
    "contact",
    "contacts",
    contactIdParams,
    "The contact's tokens stop redeeming at once and the shop sessions they hold end; tokens and history stay for the audit log. Deactivating a deactivated contact changes nothing. A PUT reactivates.",
  ),
  listCustomers: CUSTOMER.list,
  getCustomer: CUSTOMER.get,
  deactivateCustomer: deactivateEndpoint(
    "customer",
    "customers",
    customerIdParams,
    "As for contacts: tokens stop redeeming, shop sessions end, history stays; a PUT reactivates.",
  ),
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
