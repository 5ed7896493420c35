import "server-only";
import { auditData, type AuditContext } from "@/lib/audit";
import { pool } from "@/lib/pg";
import type { PeopleKind } from "@/lib/people/queries";

const SQL = {
  contact: { table: "contacts", holder: "contact_id" },
  customer: { table: "customers", holder: "customer_id" },
} as const;

/**
 * Deactivates a contact or customer in one statement: the row is stamped, the
 * shop sessions they hold are ended, and the event is written. Their tokens
 * stay (for the audit log) but stop redeeming, because the redemption
 * statement refuses a deactivated holder. Already deactivated: nothing
 * changes and no event is written. Null: no such person.
 */
export async function deactivatePerson(kind: PeopleKind, id: number, by: AuditContext): Promise<{ deactivated: boolean } | null> {
  const { table, holder } = SQL[kind];
  const event = auditData({ action: "person.deactivated", ...by });
  const result = await pool().query<{ found: boolean; deactivated: boolean }>(
    `WITH person AS (SELECT id, deactivated_at FROM ${table} WHERE id = $1),
     stamped AS (
       UPDATE ${table} p SET deactivated_at = now(), updated_at = now()
       FROM person WHERE p.id = person.id AND person.deactivated_at IS NULL
       RETURNING p.id
     ),
     ended AS (
       -- Through the person's tokens: both indexes exist for redemption already.
       DELETE FROM shop_sessions s
       WHERE s.login_token_id IN (SELECT t.id FROM login_tokens t, stamped WHERE t.${holder} = stamped.id)
       RETURNING s.id
     ),
     audited AS (
       INSERT INTO audit_events (action, actor_type, actor_staff_id, actor_api_key_id, actor_label, ip, user_agent, details)
       SELECT $2, $3::"ActorType", $4::uuid, $5::uuid, $6, $7, $8,
              jsonb_build_object('kind', $9::text, 'id', stamped.id, 'sessionsEnded', (SELECT count(*) FROM ended))
       FROM stamped
     )
     SELECT EXISTS (SELECT 1 FROM person) AS found, EXISTS (SELECT 1 FROM stamped) AS deactivated`,
    [id, event.action, event.actorType, event.actorStaffId, event.actorApiKeyId, event.actorLabel, event.ip, event.userAgent, kind],
  );
  const row = result.rows[0]!;
  return row.found ? { deactivated: row.deactivated } : null;
}
