import { randomInt } from "node:crypto";
import { expect, test, auditEvents, shopSessionCount, throttleCounted, tokenCounters } from "./fixtures/data";
import { generateTokenValue } from "../lib/login-tokens/token-crypto";
import { E2E_BASE_URL, E2E_PORT } from "./e2e-env.mjs";
import { startAppInstance, type AppInstance } from "./fixtures/app-instance";
import { continueForm, untilProofsAccepted } from "./fixtures/continue-page";
import { e2eQuery } from "./fixtures/db";

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

/** The continue page's forms for a value, each with a page proof of its own, once the proofs are old enough to be accepted. */
async function forms(instance: AppInstance, value: string, count: number, ip = clientAddress()) {
  const made = await Promise.all(Array.from({ length: count }, () => continueForm(instance.url, value, { "X-Forwarded-For": ip })));
  for (const form of made) secrets.push(form.get("proof")!);
  await untilProofsAccepted(made);
  return made;
}

/** The continue page's POST, as the browser sends it: by default with the form its GET just gave. */
async function redeem(instance: AppInstance, value: string, { ip = clientAddress(), origin = E2E_BASE_URL, body }: PostOptions = {}) {
  const response = await fetch(`${instance.url}/login/token/redeem`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip, ...(origin === null ? {} : { Origin: origin }) },
    body: body ?? (await forms(instance, value, 1, ip))[0],
  });
  const cookie = /latchkey-shop=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (cookie) secrets.push(cookie);
  return response;
}

const landedInShop = (response: Response) => response.status === 303 && response.headers.get("location") === "/shop";
const refused = (response: Response) => response.status === 303 && response.headers.get("location") === "/login/token/invalid";
/** Sent back to the continue page: nothing was consumed or counted. */
const continueAgain = (response: Response, value: string) => response.status === 303 && response.headers.get("location") === `/login/token?t=${value}`;

/** `count` redemptions of one token at once, each with a form of its own, sent to `instances` in turn; how many landed in the shop, how many were refused. */
async function race(value: string, count: number, instances: AppInstance[]) {
  const bodies = await forms(a, value, count);
  const responses = await Promise.all(bodies.map((body, i) => redeem(instances[i % instances.length]!, value, { body })));
  return { landed: responses.filter(landedInShop).length, refused: responses.filter(refused).length };
}

test("exactly one of 50 concurrent redemptions of a one-time token succeeds", async ({ tokens }) => {
  const token = await track(tokens.visitor({ user: "contact", oneTimeUse: true }));
  expect(await race(token.value, 50, [a])).toEqual({ landed: 1, refused: 49 });
  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 49 });
  expect(await shopSessionCount({ tokenId: token.id })).toBe(1);
});

test("exactly one of 50 concurrent redemptions succeeds across two app instances sharing one database", async ({ tokens }) => {
  const token = await track(tokens.visitor({ user: "customer", oneTimeUse: true }));
  expect(await race(token.value, 50, [a, b])).toEqual({ landed: 1, refused: 49 });
  const counters = await tokenCounters(token.id);
  expect(counters).toMatchObject({ successfulAttempts: 1, failedAttempts: 49, deletedAt: null });
  expect(counters.usedAt).not.toBeNull();
  expect(await auditEvents(token.id, "token.redeemed")).toHaveLength(1);
  expect(await auditEvents(token.id, "token.redeem_failed")).toHaveLength(49);
});

test("exactly 5 of 100 concurrent redemptions of a token of 5 uses succeed across two app instances", async ({ tokens }) => {
  const token = await track(tokens.visitor({ user: "contact", maxUses: 5 }));
  expect(await race(token.value, 100, [a, b])).toEqual({ landed: 5, refused: 95 });
  const counters = await tokenCounters(token.id);
  expect(counters).toMatchObject({ successfulAttempts: 5, failedAttempts: 95 });
  expect(counters.usedAt).not.toBeNull();
  expect(await shopSessionCount({ tokenId: token.id })).toBe(5);
});

test("repeated failures from one address are throttled on every instance, and the throttled attempt is not evaluated", async ({ tokens }) => {
  const ip = clientAddress();
  for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
    const unknown = generateTokenValue();
    secrets.push(unknown);
    expect(refused(await redeem(i % 2 === 0 ? a : b, unknown, { ip }))).toBe(true);
  }

  const token = await track(tokens.visitor({ oneTimeUse: true }));
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

test("of 200 concurrent guesses from one new address across two instances, at most the limit are evaluated", async () => {
  const ip = clientAddress();
  const guesses = Array.from({ length: 200 }, () => generateTokenValue());
  secrets.push(...guesses);
  const bodies = await Promise.all(guesses.map((guess, i) => continueForm((i % 2 === 0 ? a : b).url, guess, { "X-Forwarded-For": ip })));
  await untilProofsAccepted(bodies);
  const responses = await Promise.all(bodies.map((body, i) => redeem(i % 2 === 0 ? a : b, guesses[i]!, { ip, body })));
  expect(responses.filter(refused)).toHaveLength(THROTTLE_MAX_FAILURES);
  expect(responses.filter((response) => response.status === 429)).toHaveLength(200 - THROTTLE_MAX_FAILURES);
  const [evaluated] = await e2eQuery<{ count: number }>("SELECT count(*)::int AS count FROM audit_events WHERE ip = $1 AND action = 'token.redeem_failed'", [
    ip,
  ]);
  expect(evaluated?.count).toBe(THROTTLE_MAX_FAILURES);
});

test("only a POST with a fresh page proof from the GET redeems; any other is sent back to the continue page and changes nothing", async ({ tokens }) => {
  const token = await track(tokens.visitor({ oneTimeUse: true }));
  const ip = clientAddress();
  // Straight to the POST with only the value, as a scanner would.
  expect(continueAgain(await redeem(a, token.value, { ip, body: new URLSearchParams({ t: token.value }) }), token.value)).toBe(true);
  // Within the first second of the GET, before a person could have clicked.
  const early = await continueForm(a.url, token.value, { "X-Forwarded-For": ip });
  secrets.push(early.get("proof")!);
  expect(continueAgain(await redeem(a, token.value, { ip, body: early }), token.value)).toBe(true);
  // Altered, or made for another token.
  const [fresh] = await forms(a, token.value, 1, ip);
  const altered = new URLSearchParams(fresh);
  altered.set("proof", `${fresh!.get("proof")!.slice(0, -2)}AA`);
  expect(continueAgain(await redeem(a, token.value, { ip, body: altered }), token.value)).toBe(true);
  const [foreign] = await forms(a, generateTokenValue(), 1, ip);
  foreign!.set("t", token.value);
  expect(continueAgain(await redeem(a, token.value, { ip, body: foreign }), token.value)).toBe(true);
  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null, usedAt: null });
  expect(await auditEvents(token.id)).toHaveLength(0);
  expect(await throttleCounted(`redeem:ip:${ip}`)).toBe(false);

  // The proof that came with the page redeems, once; sent again, it is a replay and changes nothing.
  const reusable = await track(tokens.visitor());
  const [once] = await forms(a, reusable.value, 1, ip);
  expect(landedInShop(await redeem(a, reusable.value, { ip, body: once }))).toBe(true);
  expect(continueAgain(await redeem(b, reusable.value, { ip, body: once }), reusable.value)).toBe(true);
  expect(await tokenCounters(reusable.id)).toMatchObject({ successfulAttempts: 1, failedAttempts: 0 });
  expect(landedInShop(await redeem(a, token.value, { ip, body: fresh }))).toBe(true);
});

test("the link's parameters are checked before any lookup", async ({ tokens }) => {
  const token = await track(tokens.visitor({ oneTimeUse: true }));
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
  for (const body of [
    form([
      ["t", token.value],
      ["t", token.value],
    ]),
    form([["t", `${token.value}A`]]),
    form([
      ["t", token.value],
      ["proof", "p".repeat(600)],
    ]),
    form([]),
  ]) {
    expect(refused(await redeem(a, token.value, { ip, body }))).toBe(true);
  }
  // From another site, or from nowhere a browser would say: refused without a look at the token.
  expect((await redeem(a, token.value, { ip, origin: "https://evil.example" })).status).toBe(403);
  expect((await redeem(a, token.value, { ip, origin: null })).status).toBe(403);

  expect(await tokenCounters(token.id)).toMatchObject({ successfulAttempts: 0, failedAttempts: 0, lastAccessedAt: null });
  expect(await throttleCounted(`redeem:ip:${ip}`)).toBe(false);

  const [withRedirect] = await forms(a, token.value, 1, ip);
  withRedirect!.set("redirect", "/\\evil.example");
  const landed = await redeem(a, token.value, { ip, body: withRedirect });
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
  expect(output).toContain("login link sent without a usable page proof");
  expect(output).toContain("login link page proof replayed");
  expect(output).toContain('"level":20');
  expect(secrets.length).toBeGreaterThan(10);
  for (const secret of secrets) expect(output.includes(secret), "a secret in the server output").toBe(false);
});
