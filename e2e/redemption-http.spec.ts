import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { generateTokenValue } from "../lib/login-tokens/token-crypto";
import { E2E_BASE_URL, E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { auditEvents, createVisitorToken, shopSessionCount, throttleCounted, tokenCounters } from "./fixtures/visitor-tokens";

// Redemption over HTTP against the real build: two more app instances on the
// end-to-end database, as behind a load balancer, logging at debug level so
// that the last test can search everything they printed for secrets.
const THROTTLE_MAX_FAILURES = 5;
let a: AppInstance;
let b: AppInstance;
/** Every token value and session cookie value these tests handled. */
const secrets: string[] = [];

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = { LOG_LEVEL: "debug", REDEEM_THROTTLE_MAX_FAILURES: String(THROTTLE_MAX_FAILURES), REDEEM_THROTTLE_WINDOW_SECONDS: "3600" };
  [a, b] = await Promise.all([startAppInstance(E2E_PORT + 3, env), startAppInstance(E2E_PORT + 4, env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** A client address of its own per call, so that only the throttle test meets the throttle. */
const clientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function track<T extends { value: string }>(token: Promise<T>): Promise<T> {
  const made = await token;
  secrets.push(made.value);
  return made;
}

interface PostOptions {
  ip?: string;
  origin?: string | null;
  body?: URLSearchParams;
}

/** The continue page's POST, as the browser sends it. */
async function redeem(instance: AppInstance, value: string, { ip = clientAddress(), origin = E2E_BASE_URL, body }: PostOptions = {}) {
  const response = await fetch(`${instance.url}/login/token/redeem`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip, ...(origin === null ? {} : { Origin: origin }) },
    body: body ?? new URLSearchParams({ t: value }),
  });
  const cookie = /latchkey-shop=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (cookie) secrets.push(cookie);
  return response;
}

const landedInShop = (response: Response) => response.status === 303 && response.headers.get("location") === "/shop";
const refused = (response: Response) => response.status === 303 && response.headers.get("location") === "/login/token/invalid";

test("exactly one of 50 concurrent redemptions of a one-time token succeeds", async () => {
  const token = await track(createVisitorToken({ user: "contact", oneTimeUse: true }));
  const responses = await Promise.all(Array.from({ length: 50 }, () => redeem(a, token.value)));
  expect(responses.filter(landedInShop)).toHaveLength(1);
  expect(responses.filter(refused)).toHaveLength(49);
  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 49 });
  expect(await shopSessionCount({ tokenId: token.id })).toBe(1);
});

test("exactly one of 50 concurrent redemptions succeeds across two app instances sharing one database", async () => {
  const token = await track(createVisitorToken({ user: "customer", oneTimeUse: true }));
  const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => redeem(i % 2 === 0 ? a : b, token.value)));
  expect(responses.filter(landedInShop)).toHaveLength(1);
  expect(responses.filter(refused)).toHaveLength(49);
  const counters = await tokenCounters(token.id);
  expect(counters).toMatchObject({ successfulAttempts: 1, failedAttempts: 49 });
  expect(counters.usedAt).not.toBeNull();
  expect(counters.deletedAt).toBeNull();
  expect(await auditEvents(token.id, "token.redeemed")).toHaveLength(1);
  expect(await auditEvents(token.id, "token.redeem_failed")).toHaveLength(49);
});

test("repeated failures from one address are throttled on every instance, and the throttled attempt is not evaluated", async () => {
  const ip = clientAddress();
  for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
    const unknown = generateTokenValue();
    secrets.push(unknown);
    expect(refused(await redeem(i % 2 === 0 ? a : b, unknown, { ip }))).toBe(true);
  }

  const token = await track(createVisitorToken({ oneTimeUse: true }));
  for (const instance of [a, b]) {
    const response = await redeem(instance, token.value, { ip });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await response.text()).toContain("Too many attempts");
  }
  // Not evaluated: the token neither counted a failure nor was used up.
  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null, usedAt: null });
  expect(landedInShop(await redeem(b, token.value))).toBe(true);
});

test("the link's parameters are checked before any lookup", async () => {
  const token = await track(createVisitorToken({ oneTimeUse: true }));
  const ip = clientAddress();
  const page = async (query: string) => (await fetch(`${a.url}/login/token${query}`, { headers: { "X-Forwarded-For": ip } })).text();
  const continues = (html: string) => html.includes('action="/login/token/redeem"');

  expect(continues(await page(`?t=${token.value}`))).toBe(true);
  for (const query of [`?t=${token.value}&t=${token.value}`, `?t=${token.value}A`, `?t=${token.value.slice(1)}%2B`, `?t=${token.value.slice(2)}`, "", "?t="]) {
    const html = await page(query);
    expect(continues(html), query).toBe(false);
    expect(html).toContain("This login link is invalid or has expired");
  }

  const form = (fields: [string, string][]) => new URLSearchParams(fields);
  for (const body of [form([["t", token.value], ["t", token.value]]), form([["t", `${token.value}A`]]), form([["t", token.value], ["proof", "p".repeat(600)]]), form([])]) {
    expect(refused(await redeem(a, token.value, { ip, body }))).toBe(true);
  }
  // From another site, or from nowhere a browser would say: refused without a look at the token.
  expect((await redeem(a, token.value, { ip, origin: "https://evil.example" })).status).toBe(403);
  expect((await redeem(a, token.value, { ip, origin: null })).status).toBe(403);

  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null });
  expect(await throttleCounted(`redeem:ip:${ip}`)).toBe(false);

  const landed = await redeem(a, token.value, { ip, body: form([["t", token.value], ["redirect", "/\\evil.example"]]) });
  expect(landedInShop(landed)).toBe(true);
  const cookie = landed.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=lax/i);
  expect(cookie).toMatch(/Path=\//);
});

test("no token value or session cookie appears in anything the servers printed", async () => {
  // The scan means something only if the servers did log the redemptions.
  const output = a.output() + b.output();
  expect(output).toContain("login link redeemed");
  expect(output).toContain("login link refused");
  expect(output).toContain("login link throttled");
  expect(output).toContain('"level":20');
  expect(secrets.length).toBeGreaterThan(10);
  for (const secret of secrets) expect(output.includes(secret), "a secret in the server output").toBe(false);
});
