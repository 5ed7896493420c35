// `npm run seed:large -- --tokens 1000000`: adds that many realistic login
// tokens to DATABASE_URL, or to the embedded database of `npm start` (which
// it starts itself when it is not running).
import { parseArgs } from "node:util";
import { tokenKeysFromVariables } from "@/lib/login-tokens/token-crypto";
import { seedLargeTokens } from "./large-tokens";
import { loadLocalEnv, withLocalDatabase } from "./local-database";

const { values } = parseArgs({ options: { tokens: { type: "string", default: "1000000" }, batch: { type: "string", default: "20000" } } });
const count = Number(values.tokens);
if (!Number.isSafeInteger(count) || count < 1) {
  console.error("--tokens must be a positive whole number, e.g. --tokens 1000000");
  process.exit(1);
}

loadLocalEnv();
// Checked before any work, so a missing key is reported at once.
const keys = tokenKeysFromVariables(process.env);

async function main() {
  await withLocalDatabase(async (pool) => {
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
    console.log(
      `\n  ${inserted.toLocaleString("en")} tokens in ${(ms / 1000).toFixed(1)} s (${perMillion.toFixed(1)} s per million), of which ${(indexMs / 1000).toFixed(1)} s rebuilding indexes`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
