import "server-only";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";
import { pool } from "@/lib/pg";
import { AUTHENTICATE_API_KEY } from "@/lib/sql/authenticate-api-key";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  /** Whether this request wrote `last_used_at` (at most one request a minute does). */
  stamped: boolean;
}

/** How stale `last_used_at` may get: a busy integration writes it once a minute, not on every call. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

/** The live key behind a presented value, stamped as used; null for a malformed, unknown or revoked one. */
export async function authenticateApiKey(presented: string): Promise<ApiKeyPrincipal | null> {
  if (!isWellFormedApiKey(presented)) return null;
  const { rows } = await pool().query<ApiKeyPrincipal>({
    ...AUTHENTICATE_API_KEY,
    values: [Buffer.from(hashApiKey(presented)), LAST_USED_RESOLUTION_SECONDS],
  });
  return rows[0] ?? null;
}
