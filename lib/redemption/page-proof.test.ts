import { describe, expect, it } from "vitest";
import { generateTokenValue } from "@/lib/login-tokens/token-crypto";
import { checkPageProof, PAGE_PROOF_MAX_AGE_MS, PAGE_PROOF_MIN_AGE_MS, refererOrigin, signPageProof } from "@/lib/redemption/page-proof";

describe("the page proof the continue page carries to the redeeming POST", () => {
  const token = generateTokenValue();
  const origin = "https://procurement.example.com";
  const issued = Date.now();

  it("is valid from a second after the GET until ten minutes after it, for that token, with the origin the GET saw", () => {
    const proof = signPageProof(token, origin, issued);
    expect(checkPageProof(proof, token, issued + PAGE_PROOF_MIN_AGE_MS)).toMatchObject({
      valid: true,
      origin,
      expiresAt: new Date(issued + PAGE_PROOF_MAX_AGE_MS),
    });
    expect(checkPageProof(proof, token, issued + PAGE_PROOF_MAX_AGE_MS)).toMatchObject({ valid: true });
    expect(checkPageProof(signPageProof(token, null, issued), token, issued + 5_000)).toMatchObject({ valid: true, origin: null });
  });

  it("is refused as too early within the first second, and as expired after ten minutes", () => {
    const proof = signPageProof(token, null, issued);
    expect(checkPageProof(proof, token, issued)).toEqual({ valid: false, why: "early" });
    expect(checkPageProof(proof, token, issued + PAGE_PROOF_MIN_AGE_MS - 1)).toEqual({ valid: false, why: "early" });
    expect(checkPageProof(proof, token, issued + PAGE_PROOF_MAX_AGE_MS + 1)).toEqual({ valid: false, why: "expired" });
  });

  it("carries a nonce of its own on every page, so that each can be claimed once", () => {
    const first = checkPageProof(signPageProof(token, null, issued), token, issued + 2_000);
    const second = checkPageProof(signPageProof(token, null, issued), token, issued + 2_000);
    if (!first.valid || !second.valid) throw new Error("expected valid proofs");
    expect(first.nonce.equals(second.nonce)).toBe(false);
  });

  it("is worthless for another token", () => {
    expect(checkPageProof(signPageProof(token, null, issued), generateTokenValue(), issued + 2_000)).toEqual({ valid: false, why: "forged" });
  });

  it("cannot be altered: not its time, its token, its nonce, its origin nor its signature", () => {
    const proof = signPageProof(token, origin, issued);
    const [time, prefix, nonce, encodedOrigin, mac] = proof.split(".") as [string, string, string, string, string];
    const altered = [
      [String(Number(time) - 60_000), prefix, nonce, encodedOrigin, mac],
      [time, "0".repeat(prefix.length), nonce, encodedOrigin, mac],
      [time, prefix, `${nonce.slice(1)}A`, encodedOrigin, mac],
      [time, prefix, nonce, Buffer.from("https://evil.example").toString("base64url"), mac],
      [time, prefix, nonce, "", mac],
      [time, prefix, nonce, encodedOrigin, `${mac.slice(0, -2)}AA`],
    ];
    for (const parts of altered) expect(checkPageProof(parts.join("."), token, issued + 2_000)).toEqual({ valid: false, why: "forged" });
  });

  it("refuses missing and malformed proofs", () => {
    expect(checkPageProof(undefined, token)).toEqual({ valid: false, why: "missing" });
    expect(checkPageProof("", token)).toEqual({ valid: false, why: "missing" });
    for (const proof of ["x", "1.2", "a.b.c.d.e", "1.2.3.4.5.6", `${"9".repeat(14)}.a.b..c`]) {
      expect(checkPageProof(proof, token)).toEqual({ valid: false, why: "forged" });
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
