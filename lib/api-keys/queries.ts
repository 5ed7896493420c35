import "server-only";
import { db } from "@/lib/db";

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
