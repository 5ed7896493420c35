import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { hashTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";

/**
 * The continue page's proof that a person saw it. Mail scanners run the
 * page's script and follow what the page does by itself, so only a POST
 * carrying the proof its GET issued redeems: one that comes without it, or
 * sooner than a person could have read the page and clicked, is answered with
 * the continue page again and changes nothing. The proof is single use (the
 * redemption statement claims its nonce), so a copied form body cannot be
 * replayed.
 *
 * It also carries the origin the GET's Referer named, for tokens bound to a
 * `referrer`: the browser tells the GET where it came from, but the POST comes
 * from our own no-referrer page.
 */
export const PAGE_PROOF_MIN_AGE_MS = 1_000;
export const PAGE_PROOF_MAX_AGE_MS = 10 * 60_000;

const NONCE_BYTES = 16;
const HASH_PREFIX_CHARS = 16;

let key: Buffer | undefined;

function proofKey(): Buffer {
  // A key of its own, derived from the session secret, so a proof can never
  // pass for (or be made from) any other signed value of the app.
  key ??= Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "", "latchkey login-link page proof", 32));
  return key;
}

const hashPrefix = (tokenValue: string) => Buffer.from(hashTokenValue(tokenValue, tokenKeys())).toString("hex").slice(0, HASH_PREFIX_CHARS);

function mac(issuedAt: string, prefix: string, nonce: string, encodedOrigin: string): Buffer {
  return createHmac("sha256", proofKey()).update(`${issuedAt}.${prefix}.${nonce}.${encodedOrigin}`).digest();
}

/** `issuedAt.hashPrefix.nonce.origin.mac`: digits, hex and base64url only, so it survives a form field unchanged. */
export function signPageProof(tokenValue: string, origin: string | null, now = Date.now()): string {
  const parts = [String(now), hashPrefix(tokenValue), randomBytes(NONCE_BYTES).toString("base64url"), origin ? Buffer.from(origin).toString("base64url") : ""];
  return [...parts, mac(parts[0]!, parts[1]!, parts[2]!, parts[3]!).toString("base64url")].join(".");
}

export type PageProofCheck =
  /** `nonce` is what the redemption statement claims; `expiresAt` how long the claim must be kept. */
  { valid: true; origin: string | null; nonce: Buffer; expiresAt: Date } | { valid: false; why: "missing" | "forged" | "early" | "expired" };

/** Whether a proof was issued by a continue page for this token, and is neither too young nor too old. */
export function checkPageProof(proof: string | undefined, tokenValue: string, now = Date.now()): PageProofCheck {
  if (!proof) return { valid: false, why: "missing" };
  const [issuedAt, prefix, nonce, encodedOrigin, signature, ...rest] = proof.split(".");
  if (!issuedAt || !prefix || !nonce || encodedOrigin === undefined || !signature || rest.length > 0 || !/^\d{13}$/.test(issuedAt)) {
    return { valid: false, why: "forged" };
  }
  const expected = mac(issuedAt, prefix, nonce, encodedOrigin);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || prefix !== hashPrefix(tokenValue)) return { valid: false, why: "forged" };
  const age = now - Number(issuedAt);
  if (age < PAGE_PROOF_MIN_AGE_MS) return { valid: false, why: "early" };
  if (age > PAGE_PROOF_MAX_AGE_MS) return { valid: false, why: "expired" };
  return {
    valid: true,
    origin: encodedOrigin ? Buffer.from(encodedOrigin, "base64url").toString("utf8") : null,
    nonce: Buffer.from(nonce, "base64url"),
    expiresAt: new Date(Number(issuedAt) + PAGE_PROOF_MAX_AGE_MS),
  };
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
