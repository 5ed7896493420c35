import "server-only";
import { z } from "zod";

const base64Key = (name: string) =>
  z
    .string({ error: `${name} is required (32 random bytes, base64). Generate one with: openssl rand -base64 32` })
    .refine((value) => Buffer.from(value, "base64").length === 32, {
      message: `${name} must be 32 bytes encoded as base64. Generate one with: openssl rand -base64 32`,
    });

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

// Unset means true: for a password bypass, the safe answer is the default.
const flagDefaultTrue = z
  .enum(["true", "false", "1", "0", ""], { error: "Set it to true or false." })
  .optional()
  .transform((value) => value === undefined || value === "" || value === "true" || value === "1");

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable the server reads; `.env.example` documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string({ error: "DATABASE_URL is required: `npm start` sets it for the embedded database." }).url(),
    DATABASE_POOL_SIZE: positiveInt(10),
    APP_URL: z.string().url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string({ error: "NEXTAUTH_SECRET is required (any long random string)." }).min(32, "NEXTAUTH_SECRET must be at least 32 characters."),
    TOKEN_HMAC_KEY: base64Key("TOKEN_HMAC_KEY"),
    TOKEN_ENCRYPTION_KEY: base64Key("TOKEN_ENCRYPTION_KEY"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REDEEM_THROTTLE_MAX_FAILURES: positiveInt(20),
    REDEEM_THROTTLE_WINDOW_SECONDS: positiveInt(900),
    TOKEN_LOCKOUT_FAILURES: positiveInt(10),
    SIGNIN_THROTTLE_MAX_FAILURES: positiveInt(10),
    SIGNIN_THROTTLE_MAX_FAILURES_PER_ADDRESS: positiveInt(50),
    SIGNIN_THROTTLE_WINDOW_SECONDS: positiveInt(900),
    REQUIRE_IMPERSONATION_REASON: flag,
    DEFAULT_TOKEN_EXPIRY_DAYS: z.coerce
      .number({ error: "DEFAULT_TOKEN_EXPIRY_DAYS must be a whole number of days from 1 to 3650." })
      .int("DEFAULT_TOKEN_EXPIRY_DAYS must be a whole number of days from 1 to 3650.")
      .min(1, 'DEFAULT_TOKEN_EXPIRY_DAYS must be a whole number of days from 1 to 3650 ("never" is a choice made per token).')
      .max(3650, "DEFAULT_TOKEN_EXPIRY_DAYS must be a whole number of days from 1 to 3650.")
      .default(7),
    DEFAULT_ONE_TIME_USE: flagDefaultTrue,
    SHOP_SESSION_HOURS: positiveInt(12),
    IMPERSONATION_SESSION_MINUTES: positiveInt(60),
    SHOP_NAME: z.string().trim().min(1).max(80).default("the webshop"),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
    STAFF_SESSION_IDLE_MINUTES: positiveInt(60),
    STAFF_SESSION_MAX_HOURS: positiveInt(8),
    ASSISTANCE_DEFAULT: z.enum(["allowed", "denied"], { error: "ASSISTANCE_DEFAULT must be allowed or denied." }).default("allowed"),
    LOG_IN_AS_MINUTES: z.coerce.number().int().min(1).max(1440, "LOG_IN_AS_MINUTES is at most 1440 (a day).").default(15),
    PUNCHOUT_ALLOW_INSECURE_RETURN: flag,
    REQUIRE_STAFF_MFA: z.enum(["off", "editors", "all"], { error: "REQUIRE_STAFF_MFA must be off, editors or all." }).default("off"),
    PASSWORD_SIGNIN: flagDefaultTrue,
    OIDC_ISSUER: z.string().url("OIDC_ISSUER must be the identity provider's issuer URL.").optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DISPLAY_NAME: z.string().trim().min(1).max(40).default("single sign-on"),
    OIDC_ROLES_CLAIM: z.string().trim().min(1).optional(),
    OIDC_AUTO_PROVISION_DOMAINS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((domain) => domain.trim().toLowerCase())
          .filter(Boolean),
      ),
  })
  .superRefine((config, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
    if (oidc.some((name) => config[name])) {
      for (const name of oidc.filter((name) => !config[name]))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is required for single sign-on, with ${oidc.filter((other) => other !== name).join(" and ")}.`,
        });
    }
    // Otherwise nobody could sign in at all.
    if (!config.PASSWORD_SIGNIN && !config.OIDC_ISSUER)
      ctx.addIssue({
        code: "custom",
        path: ["PASSWORD_SIGNIN"],
        message: "PASSWORD_SIGNIN=false needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET).",
      });
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Reads and validates the environment once; a bad value stops the server with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Latchkey's configuration is invalid:\n${lines.join("\n")}\nSee .env.example.`);
  }
  cached = parsed.data;
  return cached;
}
