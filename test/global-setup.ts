import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../scripts/lib/embedded-db.mjs";
import { migrate } from "../scripts/lib/migrate.mjs";
import { TEST_PG_PORT } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Integration tests get their own PostgreSQL: a fresh embedded server on its
 * own port and data folder, migrated by the same script as production. A
 * DATABASE_URL from outside is refused unless it points at this machine.
 */
export default async function setup(project: TestProject) {
  const outside = process.env.TEST_DATABASE_URL;
  if (outside) {
    const host = new URL(outside).hostname;
    if (!["localhost", "127.0.0.1", "::1"].includes(host)) throw new Error(`Refusing to run tests against ${host}: tests write and delete data.`);
    await migrate(outside);
    project.provide("databaseUrl", outside);
    return;
  }
  const dataDir = path.resolve(__dirname, "..", ".data", "test-postgres");
  await rm(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedDb({ dataDir, port: TEST_PG_PORT, database: "latchkey_test" });
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
