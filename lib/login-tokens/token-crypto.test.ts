import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  TOKEN_VALUE_LENGTH,
  TOKEN_VALUE_PATTERN,
  decryptTokenValue,
  encryptTokenValue,
  generateTokenValue,
  hashTokenValue,
  isWellFormedTokenValue,
  issueTokenValue,
  loginUrlFor,
  tokenKeysFrom,
} from "@/lib/login-tokens/token-crypto";

const newKeys = () => tokenKeysFrom(randomBytes(32).toString("base64"), randomBytes(32).toString("base64"));
const keys = newKeys();

/** A copy of the sealed bytes with one bit flipped at `index` (negative counts from the end). */
function flipBit(sealed: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(sealed);
  const at = index < 0 ? copy.length + index : index;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe("sealing a token value", () => {
  it("decrypts to the value it encrypted, with a fresh IV each time", () => {
    const value = generateTokenValue();
    const first = encryptTokenValue(value, keys);
    const second = encryptTokenValue(value, keys);
    expect(decryptTokenValue(first, keys)).toBe(value);
    expect(decryptTokenValue(second, keys)).toBe(value);
    // The same value sealed twice must not look the same in the database.
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });

  it("issues a value whose stored hash and ciphertext both belong to it", () => {
    const issued = issueTokenValue(keys);
    expect(decryptTokenValue(issued.tokenCiphertext, keys)).toBe(issued.value);
    expect(Buffer.from(issued.tokenHash).equals(Buffer.from(hashTokenValue(issued.value, keys)))).toBe(true);
  });

  // Layout: iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes).
  it.each([
    ["the IV", 0],
    ["the ciphertext", 12],
    ["the tag", -1],
  ])("refuses a ciphertext with one bit of %s flipped", (_part, index) => {
    const sealed = encryptTokenValue(generateTokenValue(), keys);
    expect(() => decryptTokenValue(flipBit(sealed, index), keys)).toThrow();
  });

  it("refuses a ciphertext too short to hold an IV and a tag", () => {
    expect(() => decryptTokenValue(new Uint8Array(28), keys)).toThrow(/too short/);
  });

  it("refuses to decrypt with another encryption key", () => {
    const sealed = encryptTokenValue(generateTokenValue(), keys);
    expect(() => decryptTokenValue(sealed, newKeys())).toThrow();
  });
});

describe("generating token values", () => {
  it("gives 10,000 distinct 43-character base64url values", () => {
    const values = Array.from({ length: 10_000 }, generateTokenValue);
    expect(new Set(values).size).toBe(10_000);
    expect(values.filter((value) => value.length !== TOKEN_VALUE_LENGTH || !TOKEN_VALUE_PATTERN.test(value))).toEqual([]);
  });

  it("puts the value in a login link that survives URL parsing unchanged", () => {
    const value = generateTokenValue();
    const url = new URL(loginUrlFor(value, "https://shop.example.com"));
    expect(url.origin + url.pathname).toBe("https://shop.example.com/login/token");
    expect(url.searchParams.get("t")).toBe(value);
  });
});

describe("the lookup hash", () => {
  it("is the same for the same value and key, so a value finds its row", () => {
    const value = generateTokenValue();
    const first = Buffer.from(hashTokenValue(value, keys));
    expect(first).toHaveLength(32);
    expect(first.equals(Buffer.from(hashTokenValue(value, keys)))).toBe(true);
    expect(first.equals(Buffer.from(hashTokenValue(generateTokenValue(), keys)))).toBe(false);
  });

  it("differs under another HMAC key, so the table alone finds nothing", () => {
    const value = generateTokenValue();
    const other = tokenKeysFrom(randomBytes(32).toString("base64"), keys.encryptionKey.toString("base64"));
    expect(Buffer.from(hashTokenValue(value, keys)).equals(Buffer.from(hashTokenValue(value, other)))).toBe(false);
  });
});

describe("isWellFormedTokenValue", () => {
  const good = generateTokenValue();

  it("accepts a generated value", () => {
    expect(isWellFormedTokenValue(good)).toBe(true);
  });

  it.each([
    ["an array holding a value", [good]],
    ["a number", 12345],
    ["null", null],
    ["undefined", undefined],
    ["a 42-character string", good.slice(0, 42)],
    ["a 44-character string", `${good}A`],
    ["a value with '+' (base64, not base64url)", `+${good.slice(1)}`],
    ["a value with '/' (base64, not base64url)", `${good.slice(0, 42)}/`],
    ["a value with padding", `${good.slice(0, 42)}=`],
  ])("refuses %s", (_label, candidate) => {
    expect(isWellFormedTokenValue(candidate)).toBe(false);
  });
});
