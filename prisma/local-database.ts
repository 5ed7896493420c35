// What the command-line tools (large seed, key rotation) share: the same
// configuration files as `npm start`, and its database.
import path from "node:path";
import pg from "pg";
import { startEmbeddedDb } from "../scripts/lib/embedded-db.mjs";
import { migrate } from "../scripts/lib/migrate.mjs";

const root = path.resolve(__dirname, "..");

export function loadLocalEnv(): void {
  for (const file of [".env", ".env.local"]) {
    try {
      process.loadEnvFile(path.join(root, file));
    } catch {
      // Optional files.
    }
  }
}

/** DATABASE_URL, else the embedded database of `npm start`, started here when it is not running. */
async function localDatabase(): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = Number(process.env.LATCHKEY_PG_PORT ?? 54329);
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/latchkey`;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return { url };
  } catch {
    return startEmbeddedDb({ dataDir: process.env.LATCHKEY_DATA_DIR ?? path.join(root, ".data", "postgres"), port, database: "latchkey" });
  }
}

/**
 * Runs a command-line tool's work on the local database (migrated first),
 * then closes its connections and stops the embedded server if it started one.
 */
export async function withLocalDatabase<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const db = await localDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    await migrate(db.url);
    return await work(pool);
  } finally {
    await pool.end();
    await db.stop?.();
  }
}
