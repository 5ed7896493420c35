import { describe, expect, it } from "vitest";
import { directHandler } from "./direct-routes";

// What the server (server/main.ts) asks before Next.js's router sees a request.
describe("an API path that is not valid percent-encoding", () => {
  it.each([
    ["GET", "/api/v1/login-tokens/%ZZ"],
    ["DELETE", "/api/v1/login-tokens/%ZZ"],
    ["GET", "/api/v1/login-tokens/%E0%A4%A"],
    ["DELETE", "/api/v1/login-tokens/%E0%A4%A"],
    ["GET", "/api/v1/login-tokens/%"],
  ])("%s %s is a token that is not found, in the catalogue's shape", async (method, path) => {
    const handler = directHandler(path, method)!;
    expect(handler).toBeDefined();
    const response = await handler(new Request(`http://localhost${path}`, { method }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("TOKEN_NOT_FOUND");
  });

  it("answers in XML when asked", async () => {
    const response = await directHandler("/api/v1/login-tokens/%ZZ", "GET")!(
      new Request("http://localhost/api/v1/login-tokens/%ZZ", { headers: { accept: "application/xml" } }),
    );
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(await response.text()).toContain("<code>TOKEN_NOT_FOUND</code>");
  });

  it("is an endpoint that is not found elsewhere under /api", async () => {
    const response = await directHandler("/api/v1/%ZZ/x", "POST")!(new Request("http://localhost/api/v1/%ZZ/x", { method: "POST" }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("refuses a __proto__ query parameter, which Next.js would drop before the handler sees it", async () => {
    const response = await directHandler("/api/v1/login-tokens", "GET", "limit=5&__proto__=x")!(
      new Request("http://localhost/api/v1/login-tokens?limit=5&__proto__=x"),
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string; details: { path: string }[] } }).error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "__proto__" }],
    });
    expect(directHandler("/api/v1/login-tokens", "GET", "limit=5&proto=x")).toBeUndefined();
  });

  it("leaves well-encoded paths and pages to Next.js", () => {
    expect(directHandler("/api/v1/login-tokens/0b9e8c4e-1f1a-4a8e-9a53-2f7f1c2f4b10", "GET")).toBeUndefined();
    expect(directHandler("/api/v1/login-tokens/%E2%82%AC", "GET")).toBeUndefined();
    expect(directHandler("/shop/%ZZ", "GET")).toBeUndefined();
  });
});
