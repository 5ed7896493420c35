// Fixed keys for the test database only; they never protect real tokens.
export const TEST_ENV = {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3999",
  NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  TOKEN_HMAC_KEY: Buffer.alloc(32, 7).toString("base64"),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  LOG_LEVEL: "silent",
} as const;

export const TEST_PG_PORT = Number(process.env.LATCHKEY_TEST_PG_PORT ?? 54330);
