import "server-only";
import type { z } from "zod";
import type { AuditContext } from "@/lib/audit";
import { ApiError, API_ERRORS, type ApiErrorDetail } from "@/lib/api/errors";
import {
  BATCH_ITEM_ERROR_CODES,
  encodePeopleCursor,
  peopleBatchItemSchema,
  type CompanyResponse,
  type ContactResponse,
  type CustomerResponse,
  type ListCompaniesQuery,
  type ListContactsQuery,
  type ListCustomersQuery,
  type PeopleBatchResultResponse,
} from "@/lib/api/people-schemas";
import { deactivatePerson } from "@/lib/people/deactivate";
import { findCompany, findPerson, listCompanies, listPeople, type CompanyRow, type PeopleKind, type PersonRow } from "@/lib/people/queries";
import type { CompanyInput, ContactInput, CustomerInput, PersonKind, PersonUpsert } from "@/lib/people/schemas";
import { upsertPeople, type UpsertCounts, type UpsertOutcome } from "@/lib/people/upsert";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toApiCompany = (row: CompanyRow): CompanyResponse => ({
  id: row.id,
  name: row.name,
  assistanceAllowed: row.assistanceAllowed,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const personFields = (row: PersonRow) => ({
  id: row.id,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  assistanceAllowed: row.assistanceAllowed,
  active: row.deactivatedAt === null,
  deactivatedAt: iso(row.deactivatedAt),
  liveTokens: row.liveTokens,
  lastUsedAt: iso(row.lastUsedAt),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toApiContact = (row: PersonRow): ContactResponse => ({
  ...personFields(row),
  companyId: row.companyId!,
  companyName: row.companyName!,
  companyAssistanceAllowed: row.companyAssistanceAllowed!,
});

export const toApiCustomer = (row: PersonRow): CustomerResponse => personFields(row);

/** The audit event of a sync: one per request, and none when nothing changed. */
function syncEvent(kindOf: (index: number) => { kind: PersonKind; id: number }, single: boolean, invalid = 0) {
  return (outcomes: UpsertOutcome[], applied: UpsertCounts) => {
    const counts = { ...applied, refused: applied.refused + invalid };
    if (counts.created + counts.updated === 0) return null;
    if (single) {
      const { kind, id } = kindOf(0);
      return { action: outcomes[0]!.result === "created" ? ("person.created" as const) : ("person.updated" as const), details: { kind, id } };
    }
    return { action: "people.synced" as const, details: { ...counts, channel: "api" } };
  };
}

async function upsertOne(item: PersonUpsert, by: AuditContext): Promise<"created" | "updated" | "unchanged"> {
  const { outcomes } = await upsertPeople([item], by, { audit: syncEvent(() => item, true) });
  const outcome = outcomes[0]!;
  if (outcome.result === "refused") {
    throw new ApiError(outcome.code === "COMPANY_UNKNOWN" ? "COMPANY_UNKNOWN" : "EMAIL_TAKEN", { details: [{ path: outcome.path, message: outcome.message }] });
  }
  return outcome.result;
}

export async function putCompany(id: number, input: CompanyInput, by: AuditContext) {
  const result = await upsertOne({ kind: "company", id, input }, by);
  return { result, company: toApiCompany((await findCompany(id))!) };
}

export async function putContact(id: number, input: ContactInput, by: AuditContext) {
  const result = await upsertOne({ kind: "contact", id, input }, by);
  return { result, contact: toApiContact((await findPerson("contact", id))!) };
}

export async function putCustomer(id: number, input: CustomerInput, by: AuditContext) {
  const result = await upsertOne({ kind: "customer", id, input }, by);
  return { result, customer: toApiCustomer((await findPerson("customer", id))!) };
}

export async function showCompany(id: number): Promise<CompanyResponse> {
  const row = await findCompany(id);
  if (!row) throw new ApiError("PERSON_NOT_FOUND");
  return toApiCompany(row);
}

async function personOrRefuse(kind: PeopleKind, id: number): Promise<PersonRow> {
  const row = await findPerson(kind, id);
  if (!row) throw new ApiError("PERSON_NOT_FOUND");
  return row;
}

export const showContact = async (id: number) => toApiContact(await personOrRefuse("contact", id));
export const showCustomer = async (id: number) => toApiCustomer(await personOrRefuse("customer", id));

export async function listCompaniesForApi(query: ListCompaniesQuery) {
  const page = await listCompanies({ search: query.search ?? null, afterId: query.cursor?.i ?? null, limit: query.limit });
  return { data: page.rows.map(toApiCompany), nextCursor: page.nextId === null ? null : encodePeopleCursor({ i: page.nextId }) };
}

async function peoplePage(kind: PeopleKind, query: ListContactsQuery | ListCustomersQuery) {
  const page = await listPeople(kind, {
    search: query.search ?? null,
    companyId: "companyId" in query ? (query.companyId ?? null) : null,
    status: query.status ?? null,
    after: query.cursor ? { lastName: query.cursor.l, firstName: query.cursor.f, id: query.cursor.i } : null,
    limit: query.limit,
  });
  return { rows: page.rows, nextCursor: page.next ? encodePeopleCursor({ l: page.next.lastName, f: page.next.firstName, i: page.next.id }) : null };
}

export async function listContactsForApi(query: ListContactsQuery) {
  const { rows, nextCursor } = await peoplePage("contact", query);
  return { data: rows.map(toApiContact), nextCursor };
}

export async function listCustomersForApi(query: ListCustomersQuery) {
  const { rows, nextCursor } = await peoplePage("customer", query);
  return { data: rows.map(toApiCustomer), nextCursor };
}

export async function deactivateForApi(kind: PeopleKind, id: number, by: AuditContext): Promise<void> {
  if (!(await deactivatePerson(kind, id, by))) throw new ApiError("PERSON_NOT_FOUND");
}

type ItemResult = PeopleBatchResultResponse["results"][number];

function detailsOf(error: z.ZodError, index: number): ApiErrorDetail[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: ["items", index, ...issue.path, key].join("."), message: "Unknown field: remove it." }))
      : [{ path: ["items", index, ...issue.path].join("."), message: issue.message }],
  );
}

const kindAndId = (raw: unknown): Pick<ItemResult, "kind" | "id"> => {
  const item = (raw && typeof raw === "object" ? raw : {}) as { kind?: unknown; id?: unknown };
  const kind = item.kind === "company" || item.kind === "contact" || item.kind === "customer" ? item.kind : null;
  return { kind, id: Number.isInteger(item.id) ? (item.id as number) : null };
};

/**
 * Each item is parsed on its own, so a bad one is answered with its own paths
 * and the good ones are applied, in one statement per kind.
 */
export async function upsertBatchForApi(items: unknown[], by: AuditContext): Promise<PeopleBatchResultResponse> {
  const results: ItemResult[] = new Array(items.length);
  const valid: { index: number; item: PersonUpsert }[] = [];
  items.forEach((raw, index) => {
    const parsed = peopleBatchItemSchema.safeParse(raw);
    if (!parsed.success) {
      results[index] = {
        index,
        ...kindAndId(raw),
        result: "error",
        error: { code: "VALIDATION_FAILED", message: API_ERRORS.VALIDATION_FAILED.message, details: detailsOf(parsed.error, index) },
      };
      return;
    }
    const { kind, id, ...input } = parsed.data;
    valid.push({ index, item: { kind, id, input } as PersonUpsert });
  });
  const { outcomes } = await upsertPeople(
    valid.map(({ item }) => item),
    by,
    { audit: syncEvent((index) => valid[index]!.item, false, items.length - valid.length) },
  );
  outcomes.forEach((outcome, position) => {
    const { index, item } = valid[position]!;
    results[index] =
      outcome.result === "refused"
        ? {
            index,
            kind: item.kind,
            id: item.id,
            result: "error",
            error: {
              code: outcome.code satisfies (typeof BATCH_ITEM_ERROR_CODES)[number],
              message: API_ERRORS[outcome.code].message,
              details: [{ path: `items.${index}.${outcome.path}`, message: outcome.message }],
            },
          }
        : { index, kind: item.kind, id: item.id, result: outcome.result };
  });
  const counts = { created: 0, updated: 0, unchanged: 0, error: 0 };
  for (const result of results) counts[result.result] += 1;
  return { results, counts };
}
