import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Lifts a live token's lockout and starts its failed attempts again from
 * zero; answers the count before (no row: not locked, or gone).
 */
export const unlockLoginTokenSql = (id: string) => Prisma.sql`
  UPDATE login_tokens t SET locked_at = NULL, failed_attempts = 0, updated_at = now()
  FROM (SELECT id, failed_attempts FROM login_tokens WHERE id = ${id}::uuid FOR UPDATE) before
  WHERE t.id = before.id AND t.deleted_at IS NULL AND t.locked_at IS NOT NULL
  RETURNING before.failed_attempts AS failed_before`;
