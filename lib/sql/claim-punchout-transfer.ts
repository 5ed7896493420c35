import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Marks the open punch-out a login token started as transferred, if its cart
 * holds anything; once: a second claim finds nothing. Answers its id.
 */
export const claimPunchoutTransferSql = (loginTokenId: string) => Prisma.sql`
  UPDATE punchout_sessions s SET transferred_at = now()
  WHERE s.login_token_id = ${loginTokenId}::uuid AND s.transferred_at IS NULL
    AND EXISTS (SELECT 1 FROM punchout_cart_items i WHERE i.punchout_session_id = s.id)
  RETURNING s.id`;
