import { stampApiKeyUse } from "@/lib/sql/fragments";

/**
 * Every API request runs this before anything else, so the lookup and the
 * usage stamp are one named prepared statement: one round trip, parsed and
 * planned once per connection.
 *
 * $1 the presented key's hash  $2 seconds between two stamps of its last use
 */
export const AUTHENTICATE_API_KEY = {
  name: "authenticate-api-key",
  text: `
WITH live AS (
  SELECT id, name, last_used_at FROM api_keys WHERE key_hash = $1::bytea AND revoked_at IS NULL
),
stamped AS (
  ${stampApiKeyUse("live", "$2")}
  RETURNING a.id
)
SELECT live.id, live.name, EXISTS (SELECT 1 FROM stamped) AS stamped FROM live`,
} as const;
