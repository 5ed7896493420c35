import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { pool } from "@/lib/pg";

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });

afterAll(() => admin.end());

it("goes on serving when the server ends one of its idle connections", async () => {
  const client = await pool().connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  client.release();
  const idle = pool().idleCount;

  await admin.connect();
  await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
  // The pool hears the server's goodbye and drops the connection; the process is still here to count.
  await expect.poll(() => pool().idleCount).toBe(idle - 1);

  const { rows: after } = await pool().query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  expect(after[0]!.pid).not.toBe(rows[0]!.pid);
});
