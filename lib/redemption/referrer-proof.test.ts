import { describe, expect, it } from "vitest";
import { generateTokenValue } from "@/lib/login-tokens/token-crypto";
import { REFERRER_PROOF_SECONDS, refererOrigin, signReferrerProof, verifyReferrerProof } from "@/lib/redemption/referrer-proof";

describe("the referrer proof the continue page carries to the redeeming POST", () => {
  const token = generateTokenValue();
  const origin = "https://procurement.example.com";

  it("vouches for the origin it was made for, for that token, until it expires", () => {
    const now = Date.now();
    const proof = signReferrerProof(origin, token, now);
    expect(verifyReferrerProof(proof, token, now)).toBe(origin);
    expect(verifyReferrerProof(proof, token, now + (REFERRER_PROOF_SECONDS - 1) * 1000)).toBe(origin);
    expect(verifyReferrerProof(proof, token, now + (REFERRER_PROOF_SECONDS + 1) * 1000)).toBeNull();
  });

  it("is worthless for another token", () => {
    expect(verifyReferrerProof(signReferrerProof(origin, token), generateTokenValue())).toBeNull();
  });

  it("cannot be altered to name another origin or a later expiry", () => {
    const [expiry, , mac] = signReferrerProof(origin, token).split(".");
    const otherOrigin = Buffer.from("https://evil.example").toString("base64url");
    expect(verifyReferrerProof(`${expiry}.${otherOrigin}.${mac}`, token)).toBeNull();
    const [, encodedOrigin] = signReferrerProof(origin, token).split(".");
    expect(verifyReferrerProof(`${Number(expiry) + 3600}.${encodedOrigin}.${mac}`, token)).toBeNull();
  });

  it("refuses missing and malformed proofs", () => {
    for (const proof of [undefined, "", "x", "1.2", "a.b.c", "9999999999.aHR0cHM6Ly94.", "1.2.3.4"]) {
      expect(verifyReferrerProof(proof, token)).toBeNull();
    }
  });

  it("reads the origin of a Referer and ignores what is not a web address", () => {
    expect(refererOrigin("https://shop.example.com/cart?x=1")).toBe("https://shop.example.com");
    expect(refererOrigin("http://localhost:3165/")).toBe("http://localhost:3165");
    expect(refererOrigin(null)).toBeNull();
    expect(refererOrigin("not a url")).toBeNull();
    expect(refererOrigin("javascript:alert(1)")).toBeNull();
  });
});
