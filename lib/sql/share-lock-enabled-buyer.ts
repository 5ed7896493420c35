import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Holds a share lock on a buyer that is enabled and not deleted until the
 * transaction ends, so that disabling or deleting it waits; no row: the buyer
 * cannot start a punch-out.
 */
export const shareLockEnabledBuyerSql = (id: string) => Prisma.sql`
  SELECT 1 FROM punchout_buyers WHERE id = ${id}::uuid AND disabled_at IS NULL AND deleted_at IS NULL FOR SHARE`;
