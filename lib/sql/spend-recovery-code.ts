import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Removes one recovery code from a staff member's list if it is on it, in one
 * statement, so that two concurrent uses of a code let one through. Answers
 * the number of staff rows changed (0 or 1).
 */
export const spendRecoveryCodeSql = (staffId: string, hash: Buffer) => Prisma.sql`
  UPDATE staff_users SET recovery_code_hashes = array_remove(recovery_code_hashes, ${hash})
  WHERE id = ${staffId}::uuid AND ${hash} = ANY (recovery_code_hashes)`;
