import { Prisma } from "@/lib/generated/prisma/client";

/** Revokes a key that is still live, in one conditional statement; no row when it is unknown or already revoked. */
export const revokeApiKeySql = (id: string) => Prisma.sql`
  UPDATE api_keys SET revoked_at = now()
  WHERE id = ${id}::uuid AND revoked_at IS NULL
  RETURNING id, name, prefix, revoked_at`;
