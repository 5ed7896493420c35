import { describe, expect, it } from "vitest";
import { redeemFormFields } from "./link-form";

describe("redeemFormFields", () => {
  it("reads the hidden fields of the form that posts to /login/token/redeem", () => {
    const html = `
      <form action="/search"><input type="hidden" name="q" value="no"></form>
      <form method="post" action="/login/token/redeem">
        <input type="hidden" name="t" value="abc_DEF-123">
        <input name="proof" type='hidden' value='p&amp;q&#x27;r'>
        <input type="hidden" name="redirect" value="/shop/orders">
        <input type="text" name="visible" value="x">
        <button type="submit">Continue</button>
      </form>`;
    expect(redeemFormFields(html)).toEqual({ t: "abc_DEF-123", proof: "p&q'r", redirect: "/shop/orders" });
  });

  it("answers null for a page without that form", () => {
    expect(redeemFormFields("<p>This login link is invalid or has expired</p>")).toBeNull();
  });
});
