import { beforeAll, describe, expect, it } from "vitest";
import { apiClient, createApiKeyRow } from "@/test/api-test-kit";
import { createLoginTokenSchema } from "@/lib/login-tokens/schemas";
import { redeemLinkPost } from "@/lib/redemption/link-redeem-post";
import { signPageProof } from "@/lib/redemption/page-proof";
import { testDb } from "@/test/db";
import { createToken } from "@/test/factories";
import { TEST_ENV } from "@/test/test-env";

// A redirect path that a browser may type but a Location header cannot carry
// as it is: the redemption must answer with it encoded, or change nothing.
const NON_ASCII = ["/shop/€uro", "/shop/größe?farbe=grün#oben", "/shop/😀", "/shop/\uD800x"];

/** The continue page's POST, with the page proof its GET would have issued two seconds before. */
function linkPost(fields: { t: string; redirect?: string }, ip = "198.51.100.23") {
  const form = { ...fields, proof: signPageProof(fields.t, null, Date.now() - 2_000) };
  return redeemLinkPost(
    new Request(new URL("/login/token/redeem", TEST_ENV.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(TEST_ENV.APP_URL).origin, "x-forwarded-for": ip },
      body: new URLSearchParams(form).toString(),
    }),
  );
}

async function tokenState(id: string) {
  const row = await testDb.loginToken.findUniqueOrThrow({ where: { id }, select: { usedAt: true, successfulAttempts: true } });
  const sessions = await testDb.shopSession.count({ where: { loginTokenId: id } });
  return { used: row.usedAt !== null, successfulAttempts: row.successfulAttempts, sessions };
}

describe("a redirect path outside ASCII", () => {
  it.each(NON_ASCII)("stored on the token (%j, as an old row may hold it) signs the visitor in and sends them there, encoded", async (path) => {
    const token = await createToken({ oneTimeUse: true, redirectPath: path, expiresAt: new Date(Date.now() + 3_600_000) });
    const response = await linkPost({ t: token.value });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(new URL(path, "http://x").pathname + new URL(path, "http://x").search + new URL(path, "http://x").hash);
    expect(location).toMatch(/^\/[\x21-\x7e]*$/);
    expect(response.headers.get("set-cookie")).toMatch(/latchkey-shop=/);
    expect(await tokenState(token.id)).toEqual({ used: true, successfulAttempts: 1, sessions: 1 });
  });

  it.each(NON_ASCII)("as the link's redirect parameter (%j) signs the visitor in and sends them there, encoded", async (path) => {
    const token = await createToken({ oneTimeUse: true, expiresAt: new Date(Date.now() + 3_600_000) });
    const response = await linkPost({ t: token.value, redirect: path });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/shop\/[\x21-\x7e]+$/);
    expect(await tokenState(token.id)).toEqual({ used: true, successfulAttempts: 1, sessions: 1 });
  });

  it("as a redirect parameter that leaves the site after its dots are resolved, sends the visitor to the shop", async () => {
    const token = await createToken({ oneTimeUse: true, expiresAt: new Date(Date.now() + 3_600_000) });
    const response = await linkPost({ t: token.value, redirect: "/shop/..//evil.example/€" });
    expect(response.headers.get("location")).toBe("/shop");
  });

  it("is stored encoded when the dialog creates the token, so the link never needs to", () => {
    const parsed = createLoginTokenSchema.parse({
      user: null,
      expiresAt: null,
      extra: "",
      oneTimeUse: true,
      referrer: "",
      redirectPath: "/shop/€uro",
      reason: "",
    });
    expect(parsed.redirectPath).toBe("/shop/%E2%82%ACuro");
  });
});

describe("the API with a redirect path outside ASCII", () => {
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    api = apiClient((await createApiKeyRow()).key);
  });

  it("stores it encoded, shows it so, and its login link redeems to it", async () => {
    const created = await api.create({ expiresIn: 3600, redirectPath: "/shop/€uro?größe=L" });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    const shown = (await (await api.show(id)).json()) as { redirectPath: string };
    expect(shown.redirectPath).toBe("/shop/%E2%82%ACuro?gr%C3%B6%C3%9Fe=L");

    const response = await linkPost({ t: token });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/shop/%E2%82%ACuro?gr%C3%B6%C3%9Fe=L");
    expect(await tokenState(id)).toEqual({ used: true, successfulAttempts: 1, sessions: 1 });
  });

  it("refuses a path with a control character or one that leaves the site, at redirectPath", async () => {
    for (const redirectPath of ["/shop/\u0000x", "/shop/\u0085", "/a/..//evil.example"]) {
      const response = await api.create({ expiresIn: 3600, redirectPath });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { details: { path: string }[] } };
      expect(body.error.details.map((detail) => detail.path)).toEqual(["redirectPath"]);
    }
  });
});
