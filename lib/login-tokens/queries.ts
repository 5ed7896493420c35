import "server-only";
import { db } from "@/lib/db";
import type { UserType } from "@/lib/generated/prisma/enums";
import { statusOf, type LoginTokenStatus } from "@/lib/login-tokens/status";

/** One row of the Login Tokens table: what the screen shows, never the secret columns. */
export interface LoginTokenRow {
  id: string;
  userName: string | null;
  userType: UserType | null;
  expiresAt: Date | null;
  lastAccessedAt: Date | null;
  successfulAttempts: number;
  failedAttempts: number;
  oneTimeUse: boolean;
  createdAt: Date;
  status: LoginTokenStatus;
}

/**
 * The newest tokens that are not deleted, newest first; served by the
 * (created_at DESC, id DESC) index. A stand-in for the paged, filtered list
 * of the full table.
 */
export async function listNewestLoginTokens(limit = 25): Promise<LoginTokenRow[]> {
  const take = Math.min(Math.max(Math.trunc(limit), 1), 100);
  const rows = await db.loginToken.findMany({
    where: { deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    // An explicit list, so token_hash and token_ciphertext can never ride along.
    select: {
      id: true,
      userName: true,
      userType: true,
      expiresAt: true,
      lastAccessedAt: true,
      successfulAttempts: true,
      failedAttempts: true,
      oneTimeUse: true,
      createdAt: true,
      usedAt: true,
      lockedAt: true,
      deletedAt: true,
    },
  });
  const now = new Date();
  return rows.map(({ usedAt, lockedAt, deletedAt, ...row }) => ({ ...row, status: statusOf({ usedAt, lockedAt, deletedAt, expiresAt: row.expiresAt }, now) }));
}
