import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks a buyer that is not deleted for the rest of the transaction and reads
 * what a change of it needs; no row: no such buyer.
 */
export const lockPunchoutBuyerSql = (id: string) => Prisma.sql`
  SELECT name, protocol::text AS protocol, disabled_at IS NOT NULL AS disabled
  FROM punchout_buyers WHERE id = ${id}::uuid AND deleted_at IS NULL FOR UPDATE`;
