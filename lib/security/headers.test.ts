import { describe, expect, it } from "vitest";
import { baselineHeaders, baselineHeadersFor, pageHeaders, transferPageHeaders } from "./headers";

describe("baseline headers", () => {
  it("pin browsers to https with HSTS only when the app is served over https", () => {
    expect(baselineHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(baselineHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("forbid framing and sniffing everywhere", () => {
    const headers = baselineHeaders({ https: false });
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("keep the login link's redeem answers out of Referers and let its 429 page style itself, and run no script", () => {
    const headers = baselineHeaders({ https: false, redeemPath: true });
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["Content-Security-Policy"]).toContain("style-src 'unsafe-inline'");
    expect(headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(headers["Content-Security-Policy"]).not.toContain("script-src");
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });

  it("leave the punch-out transfer page's policy to its route, and keep the other headers", () => {
    const headers = baselineHeaders({ https: false, ownPolicy: true });
    expect(headers).not.toHaveProperty("Content-Security-Policy");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("are chosen by the request's path, the redeem POST with or without a query", () => {
    const forUrl = baselineHeadersFor(false);
    expect(forUrl("/login/token/redeem")["Referrer-Policy"]).toBe("no-referrer");
    expect(forUrl("/login/token/redeem?x=1")["Referrer-Policy"]).toBe("no-referrer");
    expect(forUrl("/login/token/redeemed")["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(forUrl("/shop/punchout/transfer")).not.toHaveProperty("Content-Security-Policy");
    expect(forUrl("/api/v1/login-tokens")["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("page headers", () => {
  it("keep pages that carry a secret in their URL out of Referers and caches", () => {
    for (const pathname of ["/login/token", "/set-password/abc"]) {
      expect(pageHeaders(pathname, "policy")).toEqual({ "Content-Security-Policy": "policy", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });
    }
    expect(pageHeaders("/users/login-tokens", "policy")).toEqual({ "Content-Security-Policy": "policy" });
  });

  it("let the punch-out transfer form post to the buyer's origin and nowhere else", () => {
    const headers = transferPageHeaders("https://buyer.example");
    expect(headers["Content-Security-Policy"]).toContain("form-action https://buyer.example;");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
  });
});
