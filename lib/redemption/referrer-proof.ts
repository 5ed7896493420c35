import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { hashTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";

/**
 * A token with a `referrer` redeems only when the browser came from that
 * origin. The browser tells the GET (its Referer), but the POST that redeems
 * comes from our own continue page, so the GET hands the origin on as a
 * signed, short-lived value bound to that one token: a visitor cannot write
 * their own, nor reuse one made for another token.
 */
export const REFERRER_PROOF_SECONDS = 15 * 60;

let key: Buffer | undefined;

function proofKey(): Buffer {
  // A key of its own, derived from the session secret, so a proof can never
  // pass for (or be made from) any other signed value of the app.
  key ??= Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "", "latchkey login-link referrer proof", 32));
  return key;
}

function mac(origin: string, tokenValue: string, expiresAt: number): Buffer {
  const tokenHash = Buffer.from(hashTokenValue(tokenValue, tokenKeys())).toString("hex");
  return createHmac("sha256", proofKey()).update(`${origin}\n${tokenHash}\n${expiresAt}`).digest();
}

/** `expiry.origin.mac`, each part base64url or digits, so it survives a form field unchanged. */
export function signReferrerProof(origin: string, tokenValue: string, now = Date.now()): string {
  const expiresAt = Math.floor(now / 1000) + REFERRER_PROOF_SECONDS;
  return [expiresAt, Buffer.from(origin).toString("base64url"), mac(origin, tokenValue, expiresAt).toString("base64url")].join(".");
}

/** The origin the proof vouches for, or null when it is missing, altered, expired or made for another token. */
export function verifyReferrerProof(proof: string | undefined, tokenValue: string, now = Date.now()): string | null {
  const [expiry, encodedOrigin, signature, ...rest] = (proof ?? "").split(".");
  if (!expiry || !encodedOrigin || !signature || rest.length > 0 || !/^\d{1,12}$/.test(expiry)) return null;
  const expiresAt = Number(expiry);
  if (expiresAt * 1000 <= now) return null;
  const origin = Buffer.from(encodedOrigin, "base64url").toString("utf8");
  const expected = mac(origin, tokenValue, expiresAt);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? origin : null;
}

/** The origin of a Referer header, or null when there is none worth binding to. */
export function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}
