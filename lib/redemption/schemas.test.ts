import { describe, expect, it } from "vitest";
import { generateTokenValue } from "@/lib/login-tokens/token-crypto";
import { formFields, loginLinkQuerySchema, redeemFormSchema } from "@/lib/redemption/schemas";

describe("the login link's parameters", () => {
  const t = generateTokenValue();

  it("accept one well-formed token value and an optional redirect", () => {
    expect(loginLinkQuerySchema.parse({ t, redirect: "/shop/orders", other: "x" })).toEqual({ t, redirect: "/shop/orders" });
  });

  it("refuse a repeated, oversize, short, foreign or missing value", () => {
    for (const value of [[t, t], `${t}A`, t.slice(1), `${t.slice(1)}+`, `${t.slice(1)}=`, "", undefined, 42]) {
      expect(loginLinkQuerySchema.safeParse({ t: value }).success).toBe(false);
    }
  });

  it("read a form's repeated field as an array, so the schema refuses it", () => {
    const form = new URLSearchParams([
      ["t", t],
      ["t", t],
    ]);
    expect(formFields(form, ["t", "proof"])).toEqual({ t: [t, t], proof: undefined });
    expect(redeemFormSchema.safeParse(formFields(form, ["t", "proof"])).success).toBe(false);
  });

  it("refuse an oversize proof or redirect", () => {
    expect(redeemFormSchema.safeParse({ t, proof: "p".repeat(513) }).success).toBe(false);
    expect(redeemFormSchema.safeParse({ t, redirect: `/${"r".repeat(2048)}` }).success).toBe(false);
    expect(redeemFormSchema.parse({ t, proof: "p", redirect: "//evil.example" })).toEqual({ t, proof: "p", redirect: "//evil.example" });
  });
});
