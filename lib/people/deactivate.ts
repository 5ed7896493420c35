import "server-only";
import { auditData, type AuditContext } from "@/lib/audit";
import { pool } from "@/lib/pg";
import type { PeopleKind } from "@/lib/people/queries";
import { DEACTIVATE_PERSON, type DeactivatePersonRow } from "@/lib/sql/deactivate-person";

/**
 * Deactivates a contact or customer in one statement: the row is stamped, the
 * shop sessions they hold are ended, and the event is written. Their tokens
 * stay (for the audit log) but stop redeeming, because the redemption
 * statement refuses a deactivated holder. Already deactivated: nothing
 * changes and no event is written. Null: no such person.
 */
export async function deactivatePerson(kind: PeopleKind, id: number, by: AuditContext): Promise<{ deactivated: boolean } | null> {
  const event = auditData({ action: "person.deactivated", ...by });
  const result = await pool().query<DeactivatePersonRow>(DEACTIVATE_PERSON[kind], [
    id,
    event.action,
    event.actorType,
    event.actorStaffId,
    event.actorApiKeyId,
    event.actorLabel,
    event.ip,
    event.userAgent,
    kind,
  ]);
  const row = result.rows[0]!;
  return row.found ? { deactivated: row.deactivated } : null;
}
