// The server the Playwright run starts: the real launcher (production build,
// embedded PostgreSQL, migrations, demo seed) on a fresh database of its own,
// logging at debug level, and PostgreSQL logging every statement. Everything it prints also goes to E2E_SERVER_LOG,
// so that tests can check what reaches the logs.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT, E2E_SECRETS, E2E_SERVER_LOG } from "../e2e/e2e-env.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(E2E_DATA_DIR, { recursive: true, force: true });
mkdirSync(path.dirname(E2E_SERVER_LOG), { recursive: true });
const log = createWriteStream(E2E_SERVER_LOG);

const env = {
  ...process.env,
  ...E2E_SECRETS,
  PORT: String(E2E_PORT),
  APP_URL: E2E_BASE_URL,
  NEXTAUTH_URL: E2E_BASE_URL,
  LATCHKEY_DATA_DIR: E2E_DATA_DIR,
  LATCHKEY_PG_PORT: String(E2E_PG_PORT),
  LOG_LEVEL: "debug",
  LATCHKEY_PG_LOG_STATEMENTS: "true",
  // The stand-in procurement system of the punch-out tests receives carts on http://localhost.
  PUNCHOUT_ALLOW_INSECURE_RETURN: "true",
};
delete env.DATABASE_URL;
const launcher = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "launch.mjs"), "start"], {
  cwd: root,
  env,
  stdio: ["inherit", "pipe", "pipe"],
});
for (const [stream, out] of [
  [launcher.stdout, process.stdout],
  [launcher.stderr, process.stderr],
]) {
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
    log.write(`${line}\n`);
    // PostgreSQL's statement log is for the log file; on the console it would drown everything else.
    if (!line.startsWith("[postgres]")) out.write(`${line}\n`);
  });
}
const forward = (signal) => launcher.kill(signal);
process.on("SIGTERM", () => forward("SIGTERM"));
process.on("SIGINT", () => forward("SIGINT"));
launcher.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
