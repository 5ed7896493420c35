// Pure functions of a key, without server-only or env imports, so that test
// fixtures and scripts can make keys the server accepts.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "lk_live_";
/** Base62 characters after the prefix: 43 of them carry about 256 bits. */
const RANDOM_LENGTH = 43;
/** How much of the random part stays visible, so staff can tell keys apart. */
const VISIBLE_RANDOM_CHARS = 4;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export const API_KEY_PATTERN = /^lk_live_[0-9A-Za-z]{43}$/;

// Base62 rather than base64url: a key without `-` or `_` in its random part
// is selected whole by a double click, so it is copied whole.
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/**
 * The lookup key stored in `key_hash`. A plain SHA-256 is enough here, unlike
 * for login tokens: the key has 256 random bits, so the hash cannot be
 * reversed by guessing, and keys then survive a rotation of the token keys.
 */
export function hashApiKey(key: string): Uint8Array<ArrayBuffer> {
  return createHash("sha256").update(key, "utf8").digest();
}

export function visiblePrefixOf(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + VISIBLE_RANDOM_CHARS);
}

/** A fresh key with what the row stores about it; the key itself is never stored. */
export function issueApiKey() {
  const key = `${API_KEY_PREFIX}${randomBase62(RANDOM_LENGTH)}`;
  return { key, prefix: visiblePrefixOf(key), keyHash: hashApiKey(key) };
}
