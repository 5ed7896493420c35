// Re-keys every stored token: decrypts each value with the old encryption
// key, then stores its HMAC under the new HMAC key and its ciphertext under
// the new encryption key. Token values (and so every login link already sent)
// stay the same. Resumable: a row that already opens with the new key is
// skipped, so an interrupted run can simply be started again.
//
// The hashes kept of values a token had before a rotation cannot be re-keyed
// (an HMAC needs the value, and old values are not kept), and keeping the old
// HMAC key around to look them up would keep the key this rotation retires.
// So they are removed: a link replaced before the key rotation is then
// answered as any unknown value is, one replaced after it as "rotated" again.
import type pg from "pg";
import { decryptTokenValue, encryptTokenValue, hashTokenValue, type TokenKeys } from "@/lib/login-tokens/token-crypto";
import { FORGET_RETIRED_ROTATED_HASHES, READ_TOKEN_CIPHERTEXTS, REKEY_LOGIN_TOKENS } from "@/lib/sql/rekey-login-tokens";
import { READ_TOTP_SECRETS, REKEY_TOTP_SECRET } from "@/lib/sql/rekey-totp-secrets";

export interface RotationProgress {
  rotated: number;
  skipped: number;
}

function opens(sealed: Uint8Array, keys: TokenKeys): string | null {
  try {
    return decryptTokenValue(sealed, keys);
  } catch {
    return null;
  }
}

export async function rotateTokenKeys(
  pool: pg.Pool,
  from: TokenKeys,
  to: TokenKeys,
  { batchSize = 5_000, onProgress }: { batchSize?: number; onProgress?: (progress: RotationProgress) => void } = {},
): Promise<RotationProgress> {
  const progress: RotationProgress = { rotated: 0, skipped: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await pool.query<{ id: string; token_ciphertext: Buffer }>(READ_TOKEN_CIPHERTEXTS, [after, batchSize]);
    if (rows.length === 0) return progress;
    const ids: string[] = [];
    const hashes: Buffer[] = [];
    const ciphertexts: Buffer[] = [];
    for (const row of rows) {
      const value = opens(row.token_ciphertext, from);
      if (value === null) {
        if (opens(row.token_ciphertext, to) === null) {
          throw new Error(`Token ${row.id} opens with neither the old nor the new encryption key; nothing after it was changed.`);
        }
        progress.skipped++;
        continue;
      }
      ids.push(row.id);
      hashes.push(Buffer.from(hashTokenValue(value, to)));
      ciphertexts.push(Buffer.from(encryptTokenValue(value, to)));
    }
    // Each batch commits on its own: a crash leaves whole batches done or not done.
    if (ids.length) await pool.query(REKEY_LOGIN_TOKENS, [ids, hashes, ciphertexts]);
    progress.rotated += ids.length;
    after = rows[rows.length - 1]!.id;
    onProgress?.(progress);
  }
}

/**
 * Removes the old values' hashes that are not under the new HMAC key, and
 * answers how many. Those made under the new key (by rotations since, or a
 * run before) stay, so a second run removes nothing; when only the encryption
 * key changed, nothing is removed.
 */
export async function forgetRetiredRotatedHashes(pool: pg.Pool, from: TokenKeys, to: TokenKeys): Promise<number> {
  const { rowCount } = await pool.query(FORGET_RETIRED_ROTATED_HASHES, [to.hmacKeyId, from.hmacKeyId]);
  return rowCount ?? 0;
}

/**
 * Re-encrypts the staff's TOTP secrets, sealed under the same encryption key
 * as token values. Few rows: one statement each, skipping those already on the new key.
 */
export async function rotateTotpSecrets(pool: pg.Pool, from: TokenKeys, to: TokenKeys): Promise<RotationProgress> {
  const progress: RotationProgress = { rotated: 0, skipped: 0 };
  const { rows } = await pool.query<{ id: string; sealed: Buffer }>(READ_TOTP_SECRETS);
  for (const row of rows) {
    const secret = opens(row.sealed, from);
    if (secret === null) {
      if (opens(row.sealed, to) === null) throw new Error(`The TOTP secret of staff member ${row.id} opens with neither the old nor the new encryption key.`);
      progress.skipped++;
      continue;
    }
    await pool.query(REKEY_TOTP_SECRET, [row.id, Buffer.from(encryptTokenValue(secret, to))]);
    progress.rotated++;
  }
  return progress;
}
