import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

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
