import { Prisma } from "@/lib/generated/prisma/client";
import { INSERT_AUDIT_EVENTS } from "@/lib/sql/fragments";

/**
 * Soft-deletes the live tokens among `ids`, ends the webshop sessions they
 * opened (a deleted token's link stops at once, and so do they) and audits
 * each, in one statement; returns one row per deleted token.
 */
export const deleteLoginTokensSql = (ids: string[], actor: Prisma.AuditEventCreateManyInput) => Prisma.sql`
  WITH deleted AS (
    UPDATE login_tokens SET deleted_at = now(), updated_at = now()
    WHERE id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
    RETURNING id
  ),
  ended AS (DELETE FROM shop_sessions s USING deleted d WHERE s.login_token_id = d.id)
  ${Prisma.raw(INSERT_AUDIT_EVENTS)}
  SELECT 'token.deleted', ${actor.actorType}::"ActorType", ${actor.actorStaffId}::uuid, ${actor.actorApiKeyId}::uuid, ${actor.actorLabel}, id,
         ${actor.ip}, ${actor.userAgent}, NULL
  FROM deleted
  RETURNING login_token_id`;
