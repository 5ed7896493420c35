import { describe, expect, it } from "vitest";
import { deleteLoginTokens } from "@/lib/login-tokens/mutations";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/factories";

describe("bulk delete", () => {
  it("deletes 10,000 selected tokens and writes their 10,000 audit events in one call, and a repeat deletes none", async () => {
    const rows = await testDb.$queryRaw<{ id: string }[]>`
      INSERT INTO login_tokens (token_hash, token_ciphertext, extra)
      SELECT decode(md5(random()::text || g::text), 'hex') || decode(md5(g::text || clock_timestamp()::text), 'hex'), '\\x00'::bytea, 'bulk delete test'
      FROM generate_series(1, 10000) g
      RETURNING id`;
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
