import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetRetiredRotatedHashes, rotateTokenKeys, rotateTotpSecrets } from "@/lib/login-tokens/rotate-keys";
import { decryptTokenValue, encryptTokenValue, hashTokenValue, issueTokenValue, tokenKeysFrom, type TokenKeys } from "@/lib/login-tokens/token-crypto";
import { REDEEM_LOGIN_TOKEN } from "@/lib/sql/redeem-login-token";
import { rotateLoginTokenSql } from "@/lib/sql/rotate-login-token";
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

describe("the hashes of rotated-away values, across a rotation of the token keys", () => {
  /** A token rotation as the app makes it, under the keys the app runs with; answers the new value. */
  async function rotateToken(id: string, keys: TokenKeys) {
    const { value, tokenHash, tokenCiphertext } = issueTokenValue(keys);
    const statement = rotateLoginTokenSql(id, tokenHash, tokenCiphertext, keys.hmacKeyId);
    await pool.query(statement.text, statement.values);
    return value;
  }

  /** A visitor's redemption of a value under the keys the app runs with; answers the refusal its audit event records, and the token it names. */
  async function refusalOf(value: string, keys: TokenKeys) {
    const ip = `192.0.2.${randomBytes(1)[0]}`;
    const userAgent = `rotate-keys ${randomBytes(8).toString("hex")}`;
    await pool.query({
      ...REDEEM_LOGIN_TOKEN,
      values: [Buffer.from(hashTokenValue(value, keys)), null, `redeem:${userAgent}`, 60, 20, 10, null, 24, ip, userAgent, "link", null, 60, null, null, 60],
    });
    const { rows } = await pool.query<{ login_token_id: string | null; refusal: string }>(
      "SELECT login_token_id, details->>'refusal' AS refusal FROM audit_events WHERE action = 'token.redeem_failed' AND user_agent = $1",
      [userAgent],
    );
    return rows[0];
  }

  const rotatedHashesOf = async (id: string) =>
    (await pool.query<{ hmac_key_id: Buffer | null }>("SELECT hmac_key_id FROM rotated_token_hashes WHERE login_token_id = $1", [id])).rows;

  it("removes those under the old HMAC key, which can never match again, and keeps those made under the new one: a link replaced since is still told apart", async () => {
    await pool.query("DELETE FROM login_tokens");
    const old = newKeys();
    const replaced = await insertToken(old);
    const valueBefore = replaced.value;
    const valueBetween = await rotateToken(replaced.id, old);
    // A hash kept before key ids were: it is under the key the app ran with, the old one.
    const legacy = await insertToken(old);
    await pool.query("INSERT INTO rotated_token_hashes (token_hash, login_token_id) VALUES ($1, $2)", [
      Buffer.from(hashTokenValue(randomBytes(32).toString("base64url"), old)),
      legacy.id,
    ]);
    expect(await refusalOf(valueBefore, old)).toEqual({ login_token_id: replaced.id, refusal: "rotated" });

    const next = newKeys();
    await rotateTokenKeys(pool, old, next);
    expect(await forgetRetiredRotatedHashes(pool, old, next)).toBe(2);
    expect(await rotatedHashesOf(replaced.id)).toEqual([]);
    expect(await rotatedHashesOf(legacy.id)).toEqual([]);
    // The value before the key rotation is refused as a value no token ever had.
    expect(await refusalOf(valueBefore, next)).toEqual({ login_token_id: null, refusal: "unknown" });

    // The app now runs with the new keys: the value before the token's next rotation is recorded as rotated again.
    await rotateToken(replaced.id, next);
    expect(await refusalOf(valueBetween, next)).toEqual({ login_token_id: replaced.id, refusal: "rotated" });

    // Running the key rotation again (an interrupted run restarted) keeps what is under the new key.
    expect(await forgetRetiredRotatedHashes(pool, old, next)).toBe(0);
    expect(await rotatedHashesOf(replaced.id)).toEqual([{ hmac_key_id: next.hmacKeyId }]);
    expect(await refusalOf(valueBetween, next)).toEqual({ login_token_id: replaced.id, refusal: "rotated" });
  });

  it("keeps every one, with or without a key id, when only the encryption key is replaced", async () => {
    await pool.query("DELETE FROM login_tokens");
    const old = newKeys();
    const token = await insertToken(old);
    const before = token.value;
    await rotateToken(token.id, old);
    await pool.query("INSERT INTO rotated_token_hashes (token_hash, login_token_id) VALUES ($1, $2)", [
      Buffer.from(hashTokenValue(randomBytes(32).toString("base64url"), old)),
      token.id,
    ]);
    const next = { ...newKeys(), hmacKey: old.hmacKey, hmacKeyId: old.hmacKeyId };
    await rotateTokenKeys(pool, old, next);
    expect(await forgetRetiredRotatedHashes(pool, old, next)).toBe(0);
    expect(await rotatedHashesOf(token.id)).toHaveLength(2);
    expect(await refusalOf(before, next)).toEqual({ login_token_id: token.id, refusal: "rotated" });
  });

  it("names the HMAC key without revealing it, the same for the same key and different for another", () => {
    const keys = newKeys();
    const again = tokenKeysFrom(keys.hmacKey.toString("base64"), randomBytes(32).toString("base64"));
    expect(again.hmacKeyId.equals(keys.hmacKeyId)).toBe(true);
    expect(newKeys().hmacKeyId.equals(keys.hmacKeyId)).toBe(false);
    expect(keys.hmacKey.includes(keys.hmacKeyId)).toBe(false);
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
