import "server-only";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";
import { pool } from "@/lib/pg";

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  /** Whether this request wrote `last_used_at` (at most one request a minute does). */
  stamped: boolean;
}

/** How stale `last_used_at` may get: a busy integration writes it once a minute, not on every call. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

// Every API request runs this before anything else, so the lookup and the
// usage stamp are one named prepared statement on the shared pool: one round
// trip, parsed and planned once per connection. The stamp's condition is
// re-checked on the row being updated, so concurrent requests on any number of
// instances write it at most once a minute.
const AUTHENTICATE_API_KEY_SQL = `
WITH live AS (
  SELECT id, name, last_used_at FROM api_keys WHERE key_hash = $1::bytea AND revoked_at IS NULL
),
stamped AS (
  UPDATE api_keys a SET last_used_at = now()
  FROM live
  WHERE a.id = live.id
    AND (live.last_used_at IS NULL OR live.last_used_at <= now() - make_interval(secs => $2::int))
    AND (a.last_used_at IS NULL OR a.last_used_at <= now() - make_interval(secs => $2::int))
  RETURNING a.id
)
SELECT live.id, live.name, EXISTS (SELECT 1 FROM stamped) AS stamped FROM live`;

/** The live key behind a presented value, stamped as used; null for a malformed, unknown or revoked one. */
export async function authenticateApiKey(presented: string): Promise<ApiKeyPrincipal | null> {
  if (!isWellFormedApiKey(presented)) return null;
  const { rows } = await pool().query<ApiKeyPrincipal>({
    name: "authenticate-api-key",
    text: AUTHENTICATE_API_KEY_SQL,
    values: [Buffer.from(hashApiKey(presented)), LAST_USED_RESOLUTION_SECONDS],
  });
  return rows[0] ?? null;
}
