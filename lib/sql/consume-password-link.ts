import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Uses a live set-password link once: the UPDATE … WHERE used_at IS NULL lets
 * exactly one of two concurrent uses through. Answers the link's staff member
 * (null for a first-run set-up link); no row: not a live link.
 */
export const consumePasswordLinkSql = (secretHash: Buffer) => Prisma.sql`
  UPDATE staff_password_links SET used_at = now()
  WHERE secret_hash = ${secretHash} AND used_at IS NULL AND expires_at > now()
  RETURNING staff_user_id`;
