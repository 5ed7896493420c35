import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotateTokenKeys, rotateTotpSecrets } from "@/lib/login-tokens/rotate-keys";
import { decryptTokenValue, encryptTokenValue, hashTokenValue, issueTokenValue, tokenKeysFrom, type TokenKeys } from "@/lib/login-tokens/token-crypto";
import { testTokenKeys } from "@/test/factories";
import { createOwnDatabase } from "@/test/own-database";

// Rotation works on the whole table, so it gets a database of its own: the
// other suites' tokens must not change keys under them.
let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createOwnDatabase("latchkey_rotate_keys"), max: 2 });
});
afterAll(() => pool.end());

const newKeys = () => tokenKeysFrom(randomBytes(32).toString("base64"), randomBytes(32).toString("base64"));

async function insertToken(keys: TokenKeys, deleted = false) {
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(keys);
  const { rows } = await pool.query<{ id: string }>("INSERT INTO login_tokens (token_hash, token_ciphertext, deleted_at) VALUES ($1, $2, $3) RETURNING id", [
    Buffer.from(tokenHash),
    Buffer.from(tokenCiphertext),
    deleted ? new Date() : null,
  ]);
  return { id: rows[0]!.id, value };
}

async function stored(id: string) {
  const { rows } = await pool.query<{ token_hash: Buffer; token_ciphertext: Buffer }>("SELECT token_hash, token_ciphertext FROM login_tokens WHERE id = $1", [
    id,
  ]);
  return rows[0]!;
}

describe("rotating the token keys", () => {
  it("re-keys every token, deleted ones too, so the same values find their rows under the new keys; a second run changes nothing", async () => {
    const tokens = await Promise.all([insertToken(testTokenKeys), insertToken(testTokenKeys), insertToken(testTokenKeys, true)]);
    const next = newKeys();

    const first = await rotateTokenKeys(pool, testTokenKeys, next, { batchSize: 2 });
    expect(first).toEqual({ rotated: tokens.length, skipped: 0 });

    for (const token of tokens) {
      const row = await stored(token.id);
      expect(decryptTokenValue(row.token_ciphertext, next)).toBe(token.value);
      // Redemption looks a value up by this hash: the link the visitor holds still finds its token.
      expect(row.token_hash.equals(Buffer.from(hashTokenValue(token.value, next)))).toBe(true);
      expect(() => decryptTokenValue(row.token_ciphertext, testTokenKeys)).toThrow();
    }

    const again = await rotateTokenKeys(pool, testTokenKeys, next);
    expect(again).toEqual({ rotated: 0, skipped: tokens.length });
  });

  it("stops at a token that opens with neither key, and changes nothing after it", async () => {
    const keys = newKeys();
    await pool.query("DELETE FROM login_tokens");
    const token = await insertToken(keys);
    await expect(rotateTokenKeys(pool, newKeys(), newKeys())).rejects.toThrow(/neither the old nor the new/);
    expect(decryptTokenValue((await stored(token.id)).token_ciphertext, keys)).toBe(token.value);
  });
});

describe("rotateTotpSecrets", () => {
  it("re-encrypts every staff TOTP secret under the new key, and a second run skips them", async () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO staff_users (email, name, roles, totp_secret_ciphertext) VALUES ($1, 'Totp', '{}', $2) RETURNING id",
      [`totp-${randomBytes(4).toString("hex")}@staff.test`, Buffer.from(encryptTokenValue(secret, testTokenKeys))],
    );
    const next = newKeys();
    expect(await rotateTotpSecrets(pool, testTokenKeys, next)).toMatchObject({ rotated: 1 });
    const after = await pool.query<{ sealed: Buffer }>("SELECT totp_secret_ciphertext AS sealed FROM staff_users WHERE id = $1", [rows[0]!.id]);
    expect(decryptTokenValue(after.rows[0]!.sealed, next)).toBe(secret);
    expect(await rotateTotpSecrets(pool, testTokenKeys, next)).toEqual({ rotated: 0, skipped: 1 });
  });
});
