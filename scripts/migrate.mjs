// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { migrate } from "./lib/migrate.mjs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` migrates the embedded database by itself.");
  process.exit(1);
}
const applied = await migrate(url, { log: console.log });
console.log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
