import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { deleteLoginTokens } from "@/lib/login-tokens/mutations";
import { issueTokenValue } from "@/lib/login-tokens/token-crypto";
import { testDb } from "@/test/db";
import { createStaff, testTokenKeys } from "@/test/factories";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
afterAll(() => pool.end());

describe("bulk delete", () => {
  it("deletes 10,000 selected tokens and writes their 10,000 audit events in one call, and a repeat deletes none", async () => {
    // Real sealed values under the suite's keys: the key rotation test, running
    // beside this one, re-keys every token in the table and stops at one it cannot open.
    const issued = Array.from({ length: 10_000 }, () => issueTokenValue(testTokenKeys));
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO login_tokens (token_hash, token_ciphertext, extra)
       SELECT hash, sealed, 'bulk delete test' FROM unnest($1::bytea[], $2::bytea[]) AS t(hash, sealed)
       RETURNING id`,
      [issued.map((token) => Buffer.from(token.tokenHash)), issued.map((token) => Buffer.from(token.tokenCiphertext))],
    );
    const ids = rows.map((row) => row.id);
    const staff = await createStaff("editor");
    const by = { actor: { type: "STAFF" as const, id: staff.id, name: staff.name }, meta: { ip: "192.0.2.44", userAgent: "bulk-delete-test" } };

    expect(await deleteLoginTokens(ids, by)).toBe(10_000);
    expect(await testDb.loginToken.count({ where: { id: { in: ids }, deletedAt: null } })).toBe(0);
    expect(await testDb.auditEvent.count({ where: { action: "token.deleted", actorStaffId: staff.id, ip: "192.0.2.44" } })).toBe(10_000);

    expect(await deleteLoginTokens(ids, by)).toBe(0);
    expect(await testDb.auditEvent.count({ where: { action: "token.deleted", actorStaffId: staff.id } })).toBe(10_000);
  });
});
