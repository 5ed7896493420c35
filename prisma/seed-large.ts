// `npm run seed:large -- --tokens 1000000`: adds that many realistic login
// tokens to DATABASE_URL, or to the embedded database of `npm start` (which
// it starts itself when it is not running).
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedDb } from "../scripts/lib/embedded-db.mjs";
import { migrate } from "../scripts/lib/migrate.mjs";
import { tokenKeysFrom } from "@/lib/login-tokens/token-crypto";
import { seedLargeTokens } from "./large-tokens";

const root = path.resolve(__dirname, "..");
const { values } = parseArgs({ options: { tokens: { type: "string", default: "1000000" }, batch: { type: "string", default: "20000" } } });
const count = Number(values.tokens);
if (!Number.isSafeInteger(count) || count < 1) {
  console.error("--tokens must be a positive whole number, e.g. --tokens 1000000");
  process.exit(1);
}

for (const file of [".env", ".env.local"]) {
  try {
    process.loadEnvFile(path.join(root, file));
  } catch {
    // Optional files.
  }
}
if (!process.env.TOKEN_HMAC_KEY || !process.env.TOKEN_ENCRYPTION_KEY) {
  console.error("TOKEN_HMAC_KEY and TOKEN_ENCRYPTION_KEY are needed (run `npm start` once to generate them into .env.local).");
  process.exit(1);
}

async function database(): Promise<{ url: string; stop?: () => Promise<void> }> {
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

async function main() {
  const db = await database();
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    await migrate(db.url);
    const keys = tokenKeysFrom(process.env.TOKEN_HMAC_KEY!, process.env.TOKEN_ENCRYPTION_KEY!);
    const started = performance.now();
    const { inserted, ms, indexMs } = await seedLargeTokens(pool, {
      count,
      keys,
      batchSize: Number(values.batch),
      seed: Date.now() % 2_147_483_647,
      onProgress: (done) => {
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(`\r  ${done.toLocaleString("en")} / ${count.toLocaleString("en")} tokens  (${seconds.toFixed(1)} s)`);
      },
    });
    const perMillion = (ms / 1000) * (1_000_000 / inserted);
    console.log(`\n  ${inserted.toLocaleString("en")} tokens in ${(ms / 1000).toFixed(1)} s (${perMillion.toFixed(1)} s per million), of which ${(indexMs / 1000).toFixed(1)} s rebuilding indexes`);
  } finally {
    await pool.end();
    await db.stop?.();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
