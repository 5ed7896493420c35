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

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every variable the server reads; `.env.example` documents each one. */
export const envSchema = z.object({
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
  SHOP_SESSION_HOURS: positiveInt(12),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).default(0),
  PUNCHOUT_ALLOW_INSECURE_RETURN: flag,
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
