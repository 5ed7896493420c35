// The end-to-end run's own server and database, apart from the demo's.
export const E2E_PORT = Number(process.env.LATCHKEY_E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.LATCHKEY_E2E_PG_PORT ?? 54331);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/latchkey`;

// Fixed keys so that test fixtures can make and read tokens the server accepts; they protect nothing real.
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  TOKEN_HMAC_KEY: Buffer.alloc(32, 3).toString("base64"),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
};
