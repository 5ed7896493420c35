import pg from "pg";
import { inject } from "vitest";
import { migrate } from "@/scripts/lib/migrate.mjs";

/**
 * A fresh, migrated database of its own on the test server, for a suite that
 * works on whole tables (its rows would disturb the other suites, or theirs
 * it). Returns its connection string.
 */
export async function createOwnDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return url.toString();
}
