import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "@/lib/security/same-origin";
import { TEST_ENV } from "@/test/test-env";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("a POST from a page of this app", () => {
  it("passes with the app's own Origin", () => {
    expect(post({ origin: TEST_ENV.APP_URL })).toBe(true);
  });

  it("is refused with another site's Origin, whatever else it claims", () => {
    expect(post({ origin: "https://evil.example" })).toBe(false);
    expect(post({ origin: "http://localhost:4000" })).toBe(false);
    expect(post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" })).toBe(false);
  });

  it("with Origin: null (a no-referrer page) passes only when the browser says same-origin", () => {
    expect(post({ origin: "null", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(post({ origin: "null", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ origin: "null" })).toBe(false);
  });

  it("is refused when nothing says where it came from", () => {
    expect(post({})).toBe(false);
  });
});
