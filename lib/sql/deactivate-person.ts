import type { PeopleKind } from "@/lib/people/queries";
import { INSERT_AUDIT_EVENTS, PEOPLE_TABLES } from "@/lib/sql/fragments";

/**
 * Deactivates a contact or customer in one statement: the row is stamped, the
 * shop sessions they hold are ended, and the event is written. Already
 * deactivated: nothing changes and no event is written.
 *
 * $1 the person's id  $2 action  $3 actor type  $4 staff id  $5 API key id
 * $6 actor label  $7 ip  $8 user agent  $9 the kind
 */
function deactivateSql(kind: PeopleKind): string {
  const { table, holder } = PEOPLE_TABLES[kind];
  return `WITH person AS (SELECT id, deactivated_at FROM ${table} WHERE id = $1),
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
       ${INSERT_AUDIT_EVENTS}
       SELECT $2, $3::"ActorType", $4::uuid, $5::uuid, $6, NULL::uuid, $7, $8,
              jsonb_build_object('kind', $9::text, 'id', stamped.id, 'sessionsEnded', (SELECT count(*) FROM ended))
       FROM stamped
     )
     SELECT EXISTS (SELECT 1 FROM person) AS found, EXISTS (SELECT 1 FROM stamped) AS deactivated`;
}

export const DEACTIVATE_PERSON: Record<PeopleKind, string> = { contact: deactivateSql("contact"), customer: deactivateSql("customer") };

export interface DeactivatePersonRow {
  found: boolean;
  deactivated: boolean;
}
