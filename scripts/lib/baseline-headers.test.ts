import { describe, expect, it } from "vitest";
import { baselineHeaders, clientAddress } from "./baseline-headers.mjs";

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
});

describe("the client address that throttles and the audit log use", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For the client sends", () => {
    expect(clientAddress("1.2.3.4", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("is the address the trusted proxy saw, not one the client put in front of it", () => {
    // The client forged 1.2.3.4; the proxy (at the socket) appended the real 198.51.100.7.
    expect(clientAddress("1.2.3.4, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7, 10.0.0.3", "10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("stops at the leftmost entry when more hops are trusted than there are", () => {
    expect(clientAddress("198.51.100.7", "10.0.0.2", 5)).toBe("198.51.100.7");
  });
});
