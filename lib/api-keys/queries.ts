import "server-only";
import { db } from "@/lib/db";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/keys";
import { pool } from "@/lib/pg";

/** What the Settings > API keys table shows; never the hash. */
export interface ApiKeyListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

// An installation has a handful of integrations, not thousands; the cap keeps
// the page bounded even if someone scripts key creation.
export const API_KEY_LIST_LIMIT = 500;

/** Live keys first, newest first; revoked keys stay listed for the record. */
export async function listApiKeys(): Promise<ApiKeyListItem[]> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: API_KEY_LIST_LIMIT,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdByStaff: { select: { name: true } },
    },
  });
  return rows.map(({ createdByStaff, ...row }) => ({ ...row, createdByName: createdByStaff?.name ?? null }));
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  lastUsedAt: Date | null;
}

// Every API request runs this before anything else, so it is a named prepared
// statement on the shared pool (parsed and planned once per connection) rather
// than a Prisma query, which compiles and sends it afresh each time.
const FIND_LIVE_API_KEY_SQL = `
SELECT id, name, last_used_at FROM api_keys WHERE key_hash = $1::bytea AND revoked_at IS NULL`;

/** The live key behind a presented value, or null for a malformed, unknown or revoked one. */
export async function findLiveApiKey(presented: string): Promise<ApiKeyPrincipal | null> {
  if (!isWellFormedApiKey(presented)) return null;
  const { rows } = await pool().query<{ id: string; name: string; last_used_at: Date | null }>({
    name: "find-live-api-key",
    text: FIND_LIVE_API_KEY_SQL,
    values: [Buffer.from(hashApiKey(presented))],
  });
  const row = rows[0];
  return row ? { id: row.id, name: row.name, lastUsedAt: row.last_used_at } : null;
}

/** How stale `last_used_at` may get: a busy integration writes it once a minute, not on every call. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * Stamps the key as used unless it was stamped within the last minute. The
 * condition is in the UPDATE itself, so concurrent requests on any number of
 * instances write at most once per minute; the caller skips the statement
 * altogether when the key it read was stamped recently.
 */
export async function touchApiKey(key: ApiKeyPrincipal, now: Date = new Date()): Promise<boolean> {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_SECONDS * 1000) return false;
  const updated = await db.$executeRaw`
    UPDATE api_keys SET last_used_at = now()
    WHERE id = ${key.id}::uuid
      AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS}))`;
  return updated > 0;
}
