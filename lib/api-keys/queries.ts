import "server-only";
import { db } from "@/lib/db";
import { CREATED_BY_SELECT, createdBy, SETTINGS_LIST_LIMIT, type CreatedBy } from "@/lib/settings-lists";

/** What the Settings > API keys table shows; never the hash. */
export interface ApiKeyListItem extends CreatedBy {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Live keys first, newest first; revoked keys stay listed for the record. */
export async function listApiKeys(): Promise<ApiKeyListItem[]> {
  const rows = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: SETTINGS_LIST_LIMIT,
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true, ...CREATED_BY_SELECT },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, prefix: row.prefix, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt, ...createdBy(row) }));
}
