import { INSERT_AUDIT_EVENTS } from "@/lib/sql/fragments";

/**
 * One audit event that concerns no login token, written on the connection of
 * the transaction whose change it records.
 *
 * $1 action  $2 actor type  $3 staff id  $4 API key id  $5 actor label
 * $6 ip  $7 user agent  $8 details (JSON)
 */
export const INSERT_AUDIT_EVENT = `${INSERT_AUDIT_EVENTS}
  SELECT $1, $2::"ActorType", $3::uuid, $4::uuid, $5, NULL::uuid, $6, $7, $8::jsonb`;
