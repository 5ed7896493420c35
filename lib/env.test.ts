import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// env() validates once and caches, so each case loads a fresh copy of the module.
async function freshEnv() {
  vi.resetModules();
  return (await import("@/lib/env")).env;
}

const key32 = () => randomBytes(32).toString("base64");

/** Only what has no default; everything else is left out so the defaults show. */
const REQUIRED = {
  DATABASE_URL: "postgresql://latchkey:secret@localhost:5432/latchkey",
  NEXTAUTH_SECRET: "a-long-random-string-of-at-least-32-characters",
  TOKEN_HMAC_KEY: key32(),
  TOKEN_ENCRYPTION_KEY: key32(),
};

const OPTIONAL = [
  "NODE_ENV",
  "APP_URL",
  "LOG_LEVEL",
  "REDEEM_THROTTLE_MAX_FAILURES",
  "REDEEM_THROTTLE_WINDOW_SECONDS",
  "TOKEN_LOCKOUT_FAILURES",
  "REQUIRE_IMPERSONATION_REASON",
  "SHOP_SESSION_HOURS",
  "IMPERSONATION_SESSION_MINUTES",
  "SHOP_NAME",
  "SIGNIN_THROTTLE_MAX_FAILURES",
  "SIGNIN_THROTTLE_MAX_FAILURES_PER_ADDRESS",
  "SIGNIN_THROTTLE_WINDOW_SECONDS",
  "TRUSTED_PROXY_HOPS",
  "DEFAULT_TOKEN_EXPIRY_DAYS",
  "DEFAULT_ONE_TIME_USE",
  "ASSISTANCE_DEFAULT",
  "LOG_IN_AS_MINUTES",
  "PUNCHOUT_ALLOW_INSECURE_RETURN",
  "REQUIRE_STAFF_MFA",
  "PASSWORD_SIGNIN",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_DISPLAY_NAME",
  "OIDC_ROLES_CLAIM",
  "OIDC_AUTO_PROVISION_DOMAINS",
];

beforeEach(() => {
  for (const [name, value] of Object.entries(REQUIRED)) vi.stubEnv(name, value);
  for (const name of OPTIONAL) vi.stubEnv(name, undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("env()", () => {
  it("accepts a complete configuration and fills in the defaults", async () => {
    const env = await freshEnv();
    expect(env()).toEqual({
      ...REQUIRED,
      NODE_ENV: "development",
      APP_URL: "http://localhost:3000",
      LOG_LEVEL: "info",
      DATABASE_POOL_SIZE: 10,
      REDEEM_THROTTLE_MAX_FAILURES: 20,
      REDEEM_THROTTLE_WINDOW_SECONDS: 900,
      TOKEN_LOCKOUT_FAILURES: 10,
      REQUIRE_IMPERSONATION_REASON: false,
      SHOP_SESSION_HOURS: 12,
      IMPERSONATION_SESSION_MINUTES: 60,
      SHOP_NAME: "the webshop",
      SIGNIN_THROTTLE_MAX_FAILURES: 10,
      SIGNIN_THROTTLE_MAX_FAILURES_PER_ADDRESS: 50,
      SIGNIN_THROTTLE_WINDOW_SECONDS: 900,
      TRUSTED_PROXY_HOPS: 0,
      DEFAULT_TOKEN_EXPIRY_DAYS: 7,
      DEFAULT_ONE_TIME_USE: true,
      ASSISTANCE_DEFAULT: "allowed",
      LOG_IN_AS_MINUTES: 15,
      PUNCHOUT_ALLOW_INSECURE_RETURN: false,
      STAFF_SESSION_IDLE_MINUTES: 60,
      STAFF_SESSION_MAX_HOURS: 8,
      REQUIRE_STAFF_MFA: "off",
      PASSWORD_SIGNIN: true,
      OIDC_DISPLAY_NAME: "single sign-on",
      OIDC_AUTO_PROVISION_DOMAINS: [],
    });
  });

  it("lets an installation choose what new tokens start with, and refuses a default that is not a number of days", async () => {
    vi.stubEnv("DEFAULT_TOKEN_EXPIRY_DAYS", "30");
    vi.stubEnv("DEFAULT_ONE_TIME_USE", "false");
    expect((await freshEnv())()).toMatchObject({ DEFAULT_TOKEN_EXPIRY_DAYS: 30, DEFAULT_ONE_TIME_USE: false });
    for (const days of ["0", "never", "2.5", "3651"]) {
      vi.stubEnv("DEFAULT_TOKEN_EXPIRY_DAYS", days);
      const env = await freshEnv();
      expect(() => env(), days).toThrow(/DEFAULT_TOKEN_EXPIRY_DAYS: DEFAULT_TOKEN_EXPIRY_DAYS must be a whole number of days from 1 to 3650/);
    }
    vi.stubEnv("DEFAULT_TOKEN_EXPIRY_DAYS", undefined);
    vi.stubEnv("DEFAULT_ONE_TIME_USE", "sometimes");
    const env = await freshEnv();
    expect(() => env()).toThrow(/DEFAULT_ONE_TIME_USE: Set it to true or false/);
  });

  it("allows insecure punch-out return origins only when told to", async () => {
    vi.stubEnv("PUNCHOUT_ALLOW_INSECURE_RETURN", "true");
    expect((await freshEnv())()).toMatchObject({ PUNCHOUT_ALLOW_INSECURE_RETURN: true });
    vi.stubEnv("PUNCHOUT_ALLOW_INSECURE_RETURN", "yes");
    await expect((async () => (await freshEnv())())()).rejects.toThrow("PUNCHOUT_ALLOW_INSECURE_RETURN");
  });

  it("takes single sign-on only with issuer, client id and secret together, and refuses to turn passwords off without it", async () => {
    vi.stubEnv("OIDC_ISSUER", "https://login.example.com");
    await expect((async () => (await freshEnv())())()).rejects.toThrow(/OIDC_CLIENT_ID is required for single sign-on.*\n.*OIDC_CLIENT_SECRET is required/);
    vi.stubEnv("OIDC_CLIENT_ID", "latchkey");
    vi.stubEnv("OIDC_CLIENT_SECRET", "s3cret");
    vi.stubEnv("PASSWORD_SIGNIN", "false");
    vi.stubEnv("OIDC_AUTO_PROVISION_DOMAINS", " Example.com, staff.example.org ,");
    expect((await freshEnv())()).toMatchObject({ PASSWORD_SIGNIN: false, OIDC_AUTO_PROVISION_DOMAINS: ["example.com", "staff.example.org"] });
    for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) vi.stubEnv(name, undefined);
    await expect((async () => (await freshEnv())())()).rejects.toThrow(/PASSWORD_SIGNIN: PASSWORD_SIGNIN=false needs single sign-on/);
  });

  it("refuses a REQUIRE_STAFF_MFA other than off, editors or all", async () => {
    vi.stubEnv("REQUIRE_STAFF_MFA", "yes");
    await expect((async () => (await freshEnv())())()).rejects.toThrow(/REQUIRE_STAFF_MFA must be off, editors or all/);
    vi.stubEnv("REQUIRE_STAFF_MFA", "editors");
    expect((await freshEnv())()).toMatchObject({ REQUIRE_STAFF_MFA: "editors" });
  });

  it("refuses a staff session limit that is not a positive whole number", async () => {
    vi.stubEnv("STAFF_SESSION_IDLE_MINUTES", "0");
    const env = await freshEnv();
    expect(() => env()).toThrow(/STAFF_SESSION_IDLE_MINUTES/);
  });

  it("reads numbers and flags from their text", async () => {
    vi.stubEnv("TOKEN_LOCKOUT_FAILURES", "5");
    vi.stubEnv("REQUIRE_IMPERSONATION_REASON", "true");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    const env = await freshEnv();
    expect(env()).toMatchObject({ TOKEN_LOCKOUT_FAILURES: 5, REQUIRE_IMPERSONATION_REASON: true, TRUSTED_PROXY_HOPS: 1 });
  });

  it("refuses a missing TOKEN_ENCRYPTION_KEY, naming it and saying how to make one", async () => {
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", undefined);
    const env = await freshEnv();
    expect(() => env()).toThrow(/TOKEN_ENCRYPTION_KEY: TOKEN_ENCRYPTION_KEY is required.*openssl rand -base64 32/);
  });

  it("refuses a TOKEN_ENCRYPTION_KEY shorter than 32 bytes", async () => {
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", randomBytes(16).toString("base64"));
    const env = await freshEnv();
    expect(() => env()).toThrow(/TOKEN_ENCRYPTION_KEY must be 32 bytes/);
  });

  it("lists every problem at once, not only the first", async () => {
    vi.stubEnv("TOKEN_HMAC_KEY", "too-short");
    vi.stubEnv("NEXTAUTH_SECRET", "short");
    vi.stubEnv("TOKEN_LOCKOUT_FAILURES", "0");
    const env = await freshEnv();
    let message = "";
    try {
      env();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("TOKEN_HMAC_KEY must be 32 bytes");
    expect(message).toContain("NEXTAUTH_SECRET must be at least 32 characters");
    expect(message).toContain("TOKEN_LOCKOUT_FAILURES");
    expect(message).not.toContain(REQUIRED.TOKEN_ENCRYPTION_KEY);
  });

  it("refuses an ASSISTANCE_DEFAULT other than allowed or denied, and takes denied", async () => {
    vi.stubEnv("ASSISTANCE_DEFAULT", "maybe");
    const refusing = await freshEnv();
    expect(() => refusing()).toThrow(/ASSISTANCE_DEFAULT must be allowed or denied/);
    vi.stubEnv("ASSISTANCE_DEFAULT", "denied");
    const denying = await freshEnv();
    expect(denying()).toMatchObject({ ASSISTANCE_DEFAULT: "denied" });
  });

  it("validates once: a later change to the environment does not change the running configuration", async () => {
    const env = await freshEnv();
    const first = env();
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", undefined);
    expect(env()).toBe(first);
  });
});
