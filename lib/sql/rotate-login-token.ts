import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Gives a live token a new value and keeps the old one's hash, with the id of
 * the HMAC key it is under, so that a redemption of it is recorded against
 * this token as "rotated" (until a key rotation retires that key). Leaves
 * updated_at as it is: it guards edits of the settings (an editor may rotate
 * and then save in the same dialog), and the rotation is in the audit log.
 * Answers the number of tokens rotated (0 or 1).
 */
export const rotateLoginTokenSql = (id: string, tokenHash: Uint8Array, tokenCiphertext: Uint8Array, hmacKeyId: Uint8Array) => Prisma.sql`
  WITH old AS (
    SELECT id, token_hash FROM login_tokens WHERE id = ${id}::uuid AND deleted_at IS NULL AND used_at IS NULL FOR UPDATE
  ), kept AS (
    INSERT INTO rotated_token_hashes (token_hash, login_token_id, hmac_key_id) SELECT token_hash, id, ${Buffer.from(hmacKeyId)} FROM old
  )
  UPDATE login_tokens t SET token_hash = ${Buffer.from(tokenHash)}, token_ciphertext = ${Buffer.from(tokenCiphertext)}
  FROM old WHERE t.id = old.id`;
