import "server-only";
import type pg from "pg";
import { auditData, type AuditAction, type AuditContext } from "@/lib/audit";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import type { PersonKind, PersonUpsert } from "@/lib/people/schemas";
import { INSERT_AUDIT_EVENT } from "@/lib/sql/insert-audit-event";
import { UPSERT_PEOPLE, upsertPeopleValues, type UpsertPeopleItem, type UpsertPeopleRow } from "@/lib/sql/upsert-people";

/** Why one item was not applied; the API names the same codes in its catalogue. */
export type PersonRefusalCode = "EMAIL_TAKEN" | "COMPANY_UNKNOWN" | "DUPLICATE_IN_BATCH";

export type UpsertOutcome = { result: "created" | "updated" | "unchanged" } | { result: "refused"; code: PersonRefusalCode; path: string; message: string };

function outcomeOf(row: UpsertPeopleRow, kind: PersonKind): UpsertOutcome {
  if (row.email_taken) {
    return { result: "refused", code: "EMAIL_TAKEN", path: "email", message: `Another ${kind} already has this email address.` };
  }
  if (row.company_unknown) {
    return {
      result: "refused",
      code: "COMPANY_UNKNOWN",
      path: "companyId",
      message: "No company has this companyId; create the company first (in the same batch is fine).",
    };
  }
  return { result: row.written ? (row.created ? "created" : "updated") : "unchanged" };
}

/** Two items of one batch (or import) for the same person, or two people with one email: the later one is refused. */
function duplicatesOf(items: PersonUpsert[], seen: { ids: Set<string>; emails: Set<string> }): Map<number, UpsertOutcome> {
  const refused = new Map<number, UpsertOutcome>();
  const { ids: seenIds, emails: seenEmails } = seen;
  items.forEach((item, index) => {
    const key = `${item.kind}:${item.id}`;
    const email = "email" in item.input ? `${item.kind}:${item.input.email}` : null;
    if (seenIds.has(key)) {
      refused.set(index, { result: "refused", code: "DUPLICATE_IN_BATCH", path: "id", message: `This ${item.kind} appears earlier in the same batch.` });
    } else if (email && seenEmails.has(email)) {
      refused.set(index, {
        result: "refused",
        code: "DUPLICATE_IN_BATCH",
        path: "email",
        message: `Another ${item.kind} earlier in the same batch has this email address.`,
      });
    } else {
      seenIds.add(key);
      if (email) seenEmails.add(email);
    }
  });
  return refused;
}

const ORDER: PersonKind[] = ["company", "contact", "customer"];

async function applyKinds(client: pg.PoolClient, items: PersonUpsert[], refused: Map<number, UpsertOutcome>): Promise<UpsertOutcome[]> {
  const outcomes: UpsertOutcome[] = new Array(items.length);
  for (const [index, outcome] of refused) outcomes[index] = outcome;
  const assistanceDefault = env().ASSISTANCE_DEFAULT === "allowed";
  // Companies first, so contacts in the same batch can name them.
  for (const kind of ORDER) {
    const rows = items.flatMap((item, ord): UpsertPeopleItem[] =>
      item.kind !== kind || refused.has(ord) ? [] : [{ ord, id: item.id, input: item.input, assistanceAllowed: item.input.assistanceAllowed ?? null }],
    );
    if (rows.length === 0) continue;
    const result = await client.query<UpsertPeopleRow>(UPSERT_PEOPLE[kind], upsertPeopleValues(kind, rows, assistanceDefault));
    for (const row of result.rows) outcomes[row.ord] = outcomeOf(row, kind);
  }
  return outcomes;
}

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export function countOutcomes(outcomes: UpsertOutcome[]): UpsertCounts {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const outcome of outcomes) counts[outcome.result] += 1;
  return counts;
}

export interface UpsertOptions {
  /** What the one audit event says, given the counts; null: no event (nothing changed, or a dry run). */
  audit: (outcomes: UpsertOutcome[], counts: UpsertCounts) => { action: AuditAction; details: Record<string, unknown> } | null;
  /** Roll back at the end: the outcomes of an import's preview, exactly as the import would have them. */
  dryRun?: boolean;
  /** Roll back when any item is refused (an import's "all or nothing"). */
  allOrNothing?: boolean;
}

const UNIQUE_VIOLATION = "23505";

async function insertAudit(client: pg.PoolClient, action: AuditAction, by: AuditContext, details: Record<string, unknown>) {
  const row = auditData({ action, ...by, details: details as never });
  await client.query(INSERT_AUDIT_EVENT, [
    row.action,
    row.actorType,
    row.actorStaffId,
    row.actorApiKeyId,
    row.actorLabel,
    row.ip,
    row.userAgent,
    JSON.stringify(row.details),
  ]);
}

/**
 * Upserts companies, contacts and customers: one statement per kind, in one
 * transaction with its audit event. Every item gets its outcome; a refused
 * item changes nothing and leaves the others be. An email taken between the
 * statement's snapshot and its insert (a concurrent sync) fails the unique
 * index: the batch is then tried once more, when the new row is visible.
 */
export async function upsertPeople(
  items: PersonUpsert[],
  by: AuditContext,
  options: UpsertOptions,
): Promise<{ outcomes: UpsertOutcome[]; counts: UpsertCounts; applied: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inPeopleTransaction(by, async (apply) => {
        const outcomes = await apply(items);
        const counts = countOutcomes(outcomes);
        const keep = !options.dryRun && !(options.allOrNothing && counts.refused > 0);
        return { keep, event: keep ? options.audit(outcomes, counts) : null, result: { outcomes, counts, applied: keep } };
      });
    } catch (error) {
      if (attempt === 1 && (error as { code?: string }).code === UNIQUE_VIOLATION) continue;
      throw error;
    }
  }
}

/** Applies batches of upserts; duplicates are refused across all batches of one transaction. */
export type ApplyUpserts = (items: PersonUpsert[]) => Promise<UpsertOutcome[]>;

/**
 * One transaction for any number of batches (an import's): `work` applies
 * them and says whether to keep the lot, and with which one audit event.
 */
export async function inPeopleTransaction<T>(
  by: AuditContext,
  work: (apply: ApplyUpserts) => Promise<{ keep: boolean; event: { action: AuditAction; details: Record<string, unknown> } | null; result: T }>,
): Promise<T> {
  const client = await pool().connect();
  const seen = { ids: new Set<string>(), emails: new Set<string>() };
  try {
    await client.query("BEGIN");
    const { keep, event, result } = await work((items) => applyKinds(client, items, duplicatesOf(items, seen)));
    if (keep && event) await insertAudit(client, event.action, by, event.details);
    await client.query(keep ? "COMMIT" : "ROLLBACK");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
