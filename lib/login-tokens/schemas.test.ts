import { describe, expect, it } from "vitest";
import { createLoginTokenSchema } from "@/lib/login-tokens/schemas";

const valid = { user: null, expiresAt: null, extra: "", oneTimeUse: false, referrer: "", redirectPath: "", reason: "" };

describe("the dialog's optional referrer and redirect path", () => {
  it("read an empty field as none", () => {
    expect(createLoginTokenSchema.parse(valid)).toMatchObject({ referrer: null, redirectPath: null });
  });

  it("keep a valid value, normalised", () => {
    expect(createLoginTokenSchema.parse({ ...valid, referrer: "https://shop.example.com/", redirectPath: "/shop/orders" })).toMatchObject({
      referrer: "https://shop.example.com",
      redirectPath: "/shop/orders",
    });
  });

  it("explain a wrong value at its field in words a person can act on", () => {
    const result = createLoginTokenSchema.safeParse({ ...valid, referrer: "not an origin", redirectPath: "//evil.example" });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors).toEqual({
      referrer: ["Enter an origin such as https://shop.example.com (scheme and host, no path)."],
      redirectPath: ["Enter a path on this site that starts with /, such as /shop."],
    });
  });
});
