import "server-only";
import { env } from "@/lib/env";
import { tokenKeysFrom, type TokenKeys } from "@/lib/login-tokens/token-crypto";

let keys: TokenKeys | undefined;

export function tokenKeys(): TokenKeys {
  keys ??= tokenKeysFrom(env().TOKEN_HMAC_KEY, env().TOKEN_ENCRYPTION_KEY);
  return keys;
}
