import "server-only";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { issueApiKey } from "@/lib/api-keys/keys";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { revokeApiKeySql } from "@/lib/sql/revoke-api-key";

/** The only moment the full key exists outside the client that will use it. */
export interface IssuedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: Date;
}

export async function createApiKey(name: string, by: AuditContext): Promise<IssuedApiKey> {
  const { key, prefix, keyHash } = issueApiKey();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { name, prefix, keyHash, createdByStaffId: by.actor.type === "STAFF" ? by.actor.id : null },
      select: { id: true, createdAt: true },
    });
    await recordAudit({ action: "apikey.created", ...by, details: { apiKeyId: row.id, name, prefix } }, tx);
    return row;
  });
  return { id: created.id, name, prefix, key, createdAt: created.createdAt };
}

/** Revokes a key that is still live, in one conditional statement, and audits it. */
export async function revokeApiKey(id: string, by: AuditContext): Promise<{ id: string; revokedAt: Date }> {
  return db.$transaction(async (tx) => {
    const revoked = await tx.$queryRaw<{ id: string; name: string; prefix: string; revoked_at: Date }[]>(revokeApiKeySql(id));
    const row = revoked[0];
    if (!row) throw new DomainError("This key does not exist or was already revoked.", "API_KEY_NOT_FOUND");
    await recordAudit({ action: "apikey.revoked", ...by, details: { apiKeyId: row.id, name: row.name, prefix: row.prefix } }, tx);
    return { id: row.id, revokedAt: row.revoked_at };
  });
}
