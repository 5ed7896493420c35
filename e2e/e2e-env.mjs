// The end-to-end run's own server and database, apart from the demo's.
import path from "node:path";

// The project folder: Playwright and its web server both run from there. (No
// import.meta here: Playwright loads this file as CommonJS.)
const root = process.cwd();

export const E2E_PORT = Number(process.env.LATCHKEY_E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.LATCHKEY_E2E_PG_PORT ?? 54331);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/latchkey`;
// Keyed by port, so that two runs on different ports never share a data folder or a log.
export const E2E_DATA_DIR = path.join(root, ".data", `e2e-postgres-${E2E_PG_PORT}`);
/** Everything the server and its database printed during the run, for tests that check what reaches logs. */
export const E2E_SERVER_LOG = path.join(root, ".data", `e2e-server-${E2E_PORT}.log`);

// Fixed keys so that test fixtures can make and read tokens the server accepts; they protect nothing real.
export const E2E_SECRETS = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  TOKEN_HMAC_KEY: Buffer.alloc(32, 3).toString("base64"),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString("base64"),
};
