import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createOwnDatabase } from "@/test/own-database";
import { TEST_ENV } from "@/test/test-env";

// The script npm start runs after migrating, against an empty database of its own.
function start(databaseUrl: string) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/first-run.ts"], {
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

const LINK = /http:\/\/localhost:3999\/set-password\/([A-Za-z0-9_-]{43})/g;

describe("first start on an empty database", () => {
  it("prints exactly one set-up link, stored as a hash for an hour, and none once an administrator exists", async () => {
    const url = await createOwnDatabase("latchkey_first_run");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const first = [...start(url).matchAll(LINK)].map((match) => match[1]!);
      expect(first).toHaveLength(1);
      const { rows } = await client.query(
        "SELECT secret_hash, staff_user_id, extract(epoch FROM expires_at - created_at)::float AS valid FROM staff_password_links",
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].staff_user_id).toBeNull();
      expect(Buffer.compare(rows[0].secret_hash, createHash("sha256").update(first[0]!).digest())).toBe(0);
      expect(Math.round(rows[0].valid / 60)).toBe(60);

      // A start before anyone used it replaces the link: only the last one printed works.
      const second = [...start(url).matchAll(LINK)].map((match) => match[1]!);
      expect(second).toHaveLength(1);
      expect((await client.query("SELECT count(*)::int AS n FROM staff_password_links")).rows[0].n).toBe(1);

      await client.query(`INSERT INTO staff_users (email, name, roles, administrator) VALUES ('first@staff.test', 'First', '{CONFIGURATION}', true)`);
      expect(start(url)).not.toMatch(LINK);
    } finally {
      await client.end();
    }
  });
});
