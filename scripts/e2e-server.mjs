// The server the Playwright run starts: the real launcher (production build,
// embedded PostgreSQL, migrations, demo seed) on a fresh database of its own.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_BASE_URL, E2E_PG_PORT, E2E_PORT, E2E_SECRETS } from "../e2e/e2e-env.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Keyed by port, so that two runs on different ports never share a data folder.
const dataDir = path.join(root, ".data", `e2e-postgres-${E2E_PG_PORT}`);
rmSync(dataDir, { recursive: true, force: true });

const env = { ...process.env, ...E2E_SECRETS, PORT: String(E2E_PORT), APP_URL: E2E_BASE_URL, NEXTAUTH_URL: E2E_BASE_URL, LATCHKEY_DATA_DIR: dataDir, LATCHKEY_PG_PORT: String(E2E_PG_PORT) };
delete env.DATABASE_URL;
const launcher = spawn(process.execPath, [path.join(root, "scripts", "launch.mjs"), "start"], { cwd: root, env, stdio: "inherit" });
const forward = (signal) => launcher.kill(signal);
process.on("SIGTERM", () => forward("SIGTERM"));
process.on("SIGINT", () => forward("SIGINT"));
launcher.on("exit", (code) => process.exit(code ?? 0));
