import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionRequestRefusal } from "@/lib/security/action-request";
import { TEST_ENV } from "@/test/test-env";

const call = (body: string | undefined, headers: Record<string, string> = {}) =>
  actionRequestRefusal(
    new Request(`${TEST_ENV.APP_URL}/users/login-tokens`, {
      method: "POST",
      headers: { origin: TEST_ENV.APP_URL, "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8", ...headers },
      body,
    }),
  );

describe("a server action call, before anything is decoded", () => {
  it("goes on when it is what the app's pages send", async () => {
    expect(await call('[{"query":"cora"}]')).toBeNull();
    expect(await call('[{"ids":["$D2026-12-01T00:00:00.000Z"]}]')).toBeNull();
    expect(await call("x", { "content-type": "multipart/form-data; boundary=b" })).toBeNull();
  });

  it("is 403 from another origin, with or without the app's cookies", async () => {
    expect((await call('[{"query":"x"}]', { origin: "https://evil.example", cookie: "next-auth.session-token=valid" }))?.status).toBe(403);
    expect((await call('[{"query":"x"}]', { origin: "null", "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });

  it("is 413 when the body is larger than any action takes", async () => {
    const huge = `["${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"]`;
    expect((await call(huge))?.status).toBe(413);
    expect((await call(huge, { "content-length": String(huge.length) }))?.status).toBe(413);
  });

  it.each([
    ["an empty body", ""],
    ["a body that is not the framework's encoding", "{this is not json"],
    ["arguments nested 10,000 deep", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ["objects nested 10,000 deep", `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`],
  ])("is 400 for %s", async (_, body) => {
    expect((await call(body))?.status).toBe(400);
  });

  it("is 400 for a body of another type", async () => {
    expect((await call('{"query":"x"}', { "content-type": "application/json" }))?.status).toBe(400);
  });
});
