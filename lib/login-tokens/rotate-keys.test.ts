import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { rotateTokenKeys } from "@/lib/login-tokens/rotate-keys";
import { decryptTokenValue, hashTokenValue, tokenKeysFrom } from "@/lib/login-tokens/token-crypto";
import { redeemLoginToken } from "@/lib/redemption/redeem";
import { createToken, testTokenKeys, unique } from "@/test/factories";
import { testDb } from "@/test/db";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());

const newKeys = () => tokenKeysFrom(randomBytes(32).toString("base64"), randomBytes(32).toString("base64"));

describe("rotating the token keys", () => {
  it("re-keys every token so the same links still work with the new keys, and can be run again", async () => {
    const tokens = await Promise.all([createToken(), createToken({ oneTimeUse: true }), createToken({ deletedAt: new Date() })]);
    const next = newKeys();

    const first = await rotateTokenKeys(pool, testTokenKeys, next, { batchSize: 2 });
    expect(first.rotated).toBeGreaterThanOrEqual(tokens.length);

    for (const token of tokens) {
      const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
      expect(decryptTokenValue(row.tokenCiphertext, next)).toBe(token.value);
      expect(Buffer.from(row.tokenHash).equals(Buffer.from(hashTokenValue(token.value, next)))).toBe(true);
      expect(() => decryptTokenValue(row.tokenCiphertext, testTokenKeys)).toThrow();
    }

    // A second run finds everything already rotated and changes nothing.
    const again = await rotateTokenKeys(pool, testTokenKeys, next);
    expect(again.rotated).toBe(0);
    expect(again.skipped).toBe(first.rotated + first.skipped);

    // Back to the keys the rest of the suite uses.
    await rotateTokenKeys(pool, next, testTokenKeys);
    const restored = await testDb.loginToken.findUniqueOrThrow({ where: { id: tokens[0]!.id } });
    expect(decryptTokenValue(restored.tokenCiphertext, testTokenKeys)).toBe(tokens[0]!.value);
    const redeemed = await redeemLoginToken({ value: tokens[0]!.value, origin: null, meta: { ip: null, userAgent: null }, openSession: false, channel: "api", throttleKey: unique("rotation") });
    expect(redeemed.outcome).toBe("redeemed");
  });

  it("stops at a token that opens with neither key", async () => {
    const token = await createToken();
    await expect(rotateTokenKeys(pool, newKeys(), newKeys())).rejects.toThrow(/neither the old nor the new/);
    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(decryptTokenValue(row.tokenCiphertext, testTokenKeys)).toBe(token.value);
  });
});
