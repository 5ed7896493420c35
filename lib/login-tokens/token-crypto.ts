// Pure functions of a value and the keys, without server-only or env imports,
// so that scripts (key rotation, large seed) and test fixtures share them.
// node:crypto keeps this module out of any browser bundle anyway.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
export const TOKEN_VALUE_LENGTH = 43;
export const TOKEN_VALUE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TokenKeys {
  hmacKey: Buffer;
  encryptionKey: Buffer;
  /** Names the HMAC key beside a hash stored for good (`rotated_token_hashes`), without revealing it. */
  hmacKeyId: Buffer;
}

/** Reads a key pair from variables named `names`, refusing a missing key or one of the wrong length with a message naming it. */
export function tokenKeysFromVariables(
  variables: Record<string, string | undefined>,
  names = { hmac: "TOKEN_HMAC_KEY", encryption: "TOKEN_ENCRYPTION_KEY" },
): TokenKeys {
  const read = (name: string) => {
    const value = variables[name];
    if (!value) throw new Error(`${name} is required (see .env.example).`);
    // A key of the wrong length would seal tokens that the app cannot open.
    if (Buffer.from(value, "base64").length !== 32) throw new Error(`${name} must be 32 bytes encoded as base64.`);
    return value;
  };
  return tokenKeysFrom(read(names.hmac), read(names.encryption));
}

export function tokenKeysFrom(hmacKeyBase64: string, encryptionKeyBase64: string): TokenKeys {
  const hmacKey = Buffer.from(hmacKeyBase64, "base64");
  // A MAC of a fixed label under the key: two keys get different ids, and the id tells nothing about the key.
  const hmacKeyId = createHmac("sha256", hmacKey).update("latchkey token hmac key id", "utf8").digest().subarray(0, 8);
  return { hmacKey, encryptionKey: Buffer.from(encryptionKeyBase64, "base64"), hmacKeyId };
}

export function generateTokenValue(): string {
  return randomBytes(32).toString("base64url");
}

export function isWellFormedTokenValue(value: unknown): value is string {
  return typeof value === "string" && TOKEN_VALUE_PATTERN.test(value);
}

/** The lookup key stored in `token_hash`: deterministic, so a value finds its row, but useless without the key. */
export function hashTokenValue(value: string, keys: TokenKeys): Uint8Array<ArrayBuffer> {
  return createHmac("sha256", keys.hmacKey).update(value, "utf8").digest();
}

/** iv (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes). */
export function encryptTokenValue(value: string, keys: TokenKeys): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keys.encryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

/** Throws when the ciphertext was altered or was made with another key. */
export function decryptTokenValue(sealed: Uint8Array, keys: TokenKeys): string {
  const buffer = Buffer.from(sealed);
  if (buffer.length <= IV_BYTES + TAG_BYTES) throw new Error("Token ciphertext is too short");
  const iv = buffer.subarray(0, IV_BYTES);
  const tag = buffer.subarray(buffer.length - TAG_BYTES);
  const ciphertext = buffer.subarray(IV_BYTES, buffer.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", keys.encryptionKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
}

/** A fresh value with everything the row stores about it. */
export function issueTokenValue(keys: TokenKeys) {
  const value = generateTokenValue();
  return { value, tokenHash: hashTokenValue(value, keys), tokenCiphertext: encryptTokenValue(value, keys) };
}

export function loginUrlFor(value: string, appUrl: string): string {
  const url = new URL("/login/token", appUrl);
  url.searchParams.set("t", value);
  return url.toString();
}
