// `npm start` / `npm run dev`: brings up the database (embedded unless
// DATABASE_URL is set), applies migrations, seeds the demo data on the
// embedded database, builds when the sources changed, then runs the server
// (server/main.ts: its bundle in production, its source in development) as a
// child and stops everything on Ctrl-C or SIGTERM. Runs with tsx (package.json)
// to read server/runtime.ts.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDevSecrets, missingSecrets } from "./lib/dev-secrets.mjs";
import { startEmbeddedDb } from "./lib/embedded-db.mjs";
import { migrate } from "./lib/migrate.mjs";
import { BUILD_SOURCES, SERVER_ENV, SERVER_NODE_ARGS, serverBundle } from "../server/runtime.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const mode = process.argv[2] === "dev" ? "dev" : "start";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

for (const file of [".env", ".env.local"]) {
  if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
}

const port = Number(process.env.PORT ?? 3000);
const embedded = !process.env.DATABASE_URL;
let database;
let child;
let stopping = false;

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    proc.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0] ?? ""} exited with ${code}`))));
  });
}

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(full)
    .filter((name) => name !== "generated" && name !== "node_modules")
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

const distDir = process.env.LATCHKEY_DIST_DIR ?? ".next";

function buildIsStale() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(serverBundle(root, distDir))) return true;
  return Math.max(...BUILD_SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  await database?.stop();
  process.exit(code);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  if (embedded) {
    const secretsFile = path.join(root, ".env.local");
    ensureDevSecrets(secretsFile);
    // Nothing is written when every secret comes from the environment already.
    if (existsSync(secretsFile)) process.loadEnvFile(secretsFile);
    database = await startEmbeddedDb({
      dataDir: process.env.LATCHKEY_DATA_DIR ?? path.join(root, ".data", "postgres"),
      port: Number(process.env.LATCHKEY_PG_PORT ?? 54329),
      database: "latchkey",
      quiet: !process.env.LATCHKEY_PG_LOG_STATEMENTS,
      logStatements: process.env.LATCHKEY_PG_LOG_STATEMENTS === "true",
    });
    process.env.DATABASE_URL = database.socketUrl;
  } else if (missingSecrets().length > 0) {
    throw new Error(`With DATABASE_URL set, these must be set too: ${missingSecrets().join(", ")} (see .env.example).`);
  }
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;

  await migrate(process.env.DATABASE_URL, { log: (line) => console.log(`[latchkey] ${line}`) });
  if (embedded || process.env.LATCHKEY_SEED === "true") {
    await run(bin("tsx"), ["prisma/seed.ts"], process.env);
  }
  await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/first-run.ts"], process.env);
  if (mode === "start" && buildIsStale()) {
    console.log("[latchkey] building the app (first start or sources changed)…");
    await run(process.execPath, [path.join(root, "scripts", "build.mjs")], process.env);
  }

  const production = mode === "start";
  // Development's compiler needs Node's default memory limits.
  const env = { ...process.env, ...(production ? SERVER_ENV : {}), NODE_ENV: production ? "production" : "development" };
  const serverArgs = production ? [...SERVER_NODE_ARGS, serverBundle(root, distDir)] : ["--import", "tsx", path.join(root, "server", "main.ts")];
  child = spawn(process.execPath, [...serverArgs, mode], { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (/Ready on/.test(chunk.toString())) printBanner();
  });
  child.on("exit", (code) => shutdown(code ?? 1));
} catch (error) {
  console.error(`[latchkey] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

let bannerPrinted = false;
function printBanner() {
  if (bannerPrinted) return;
  bannerPrinted = true;
  const lines = [``, `  Latchkey is running at ${process.env.APP_URL}`];
  if (embedded) {
    const demo = JSON.parse(readFileSync(path.join(root, "prisma", "demo-staff.json"), "utf8"));
    lines.push(`  Embedded PostgreSQL: ${process.env.DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}`, ``, `  Demo staff logins (password: ${demo.password})`);
    for (const staff of demo.staff) lines.push(`    ${staff.email.padEnd(24)} ${staff.what}`);
    const punchout = JSON.parse(readFileSync(path.join(root, "prisma", "demo-punchout-buyers.json"), "utf8"));
    lines.push(``, `  Demo punch-out buyers (password / shared secret: ${punchout.secret})`);
    for (const buyer of punchout.buyers) lines.push(`    ${buyer.name.padEnd(24)} ${buyer.what}`);
  }
  lines.push(``, `  Stop with Ctrl-C.`, ``);
  console.log(lines.join("\n"));
}
