import { beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { API_KEY_PATTERN, hashApiKey, issueApiKey, visiblePrefixOf } from "@/lib/api-keys/keys";
import { authenticateApiKey } from "@/lib/api-keys/principal";
import { listApiKeys } from "@/lib/api-keys/queries";
import { testDb } from "@/test/db";
import { createStaff, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

type Staff = { id: string; name: string };
let staff: Record<"editor" | "viewer" | "noConfiguration", Staff>;

beforeAll(async () => {
  staff = {
    editor: await createStaff("editor"),
    viewer: await createStaff("viewer"),
    noConfiguration: await createStaff("noConfiguration"),
  };
});

const keysNamed = (name: string) => testDb.apiKey.count({ where: { name } });

async function liveKey(name = unique("key")) {
  const { key, prefix, keyHash } = issueApiKey();
  const row = await testDb.apiKey.create({ data: { name, prefix, keyHash }, select: { id: true } });
  return { id: row.id, key };
}

describe("API key values", () => {
  it("are lk_live_ plus 43 base62 characters, all different, with a 12-character visible prefix", () => {
    const keys = Array.from({ length: 200 }, () => issueApiKey());
    for (const { key, prefix, keyHash } of keys) {
      expect(key).toMatch(API_KEY_PATTERN);
      expect(prefix).toBe(key.slice(0, 12));
      expect(visiblePrefixOf(key)).toBe(prefix);
      expect(Buffer.from(keyHash).equals(Buffer.from(hashApiKey(key)))).toBe(true);
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    // Every base62 character turns up: the alphabet is used whole, not a slice of it.
    expect(new Set(keys.flatMap((k) => [...k.key.slice(8)])).size).toBe(62);
  });
});

describe("createApiKeyAction", () => {
  it("refuses a caller without a session, and creates nothing", async () => {
    signInAs(null);
    const name = unique("nobody");
    expect((await createApiKeyAction({ name })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await keysNamed(name)).toBe(0);
  });

  it.each(["noConfiguration", "viewer"] as const)("refuses %s staff, and creates nothing", async (who) => {
    signInAs(staff[who]);
    const name = unique(who);
    const result = await createApiKeyAction({ name });
    expect(result.serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(result.data).toBeUndefined();
    expect(await keysNamed(name)).toBe(0);
  });

  it("lets an editor create a key: shown once, stored as hash and prefix, audited without the key", async () => {
    signInAs(staff.editor);
    const name = unique("Procurement");
    const result = await createApiKeyAction({ name: `  ${name} ` });
    const issued = result.data!;
    expect(issued.key).toMatch(API_KEY_PATTERN);
    expect(issued).toMatchObject({ name, prefix: issued.key.slice(0, 12) });

    const row = await testDb.apiKey.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ name, prefix: issued.prefix, createdByStaffId: staff.editor.id, revokedAt: null, lastUsedAt: null });
    expect(Buffer.from(row.keyHash).equals(Buffer.from(hashApiKey(issued.key)))).toBe(true);
    expect(JSON.stringify({ ...row, keyHash: Buffer.from(row.keyHash).toString("base64") })).not.toContain(issued.key.slice(12));

    const event = await testDb.auditEvent.findFirstOrThrow({ where: { action: "apikey.created", actorStaffId: staff.editor.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorType: "STAFF", actorLabel: staff.editor.name, details: { apiKeyId: issued.id, name, prefix: issued.prefix } });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain(issued.key.slice(12));

    expect(await authenticateApiKey(issued.key)).toMatchObject({ id: issued.id, name });
  });

  it("refuses an empty or overlong name at the field", async () => {
    signInAs(staff.editor);
    expect((await createApiKeyAction({ name: "   " })).validationErrors?.fieldErrors.name).toEqual([
      "Give the key a name, such as the system that will use it.",
    ]);
    expect((await createApiKeyAction({ name: "x".repeat(101) })).validationErrors?.fieldErrors.name).toEqual(["The name can be at most 100 characters."]);
  });
});

describe("revokeApiKeyAction", () => {
  it("refuses a caller without a session, and the key keeps working", async () => {
    const key = await liveKey();
    signInAs(null);
    expect((await revokeApiKeyAction({ id: key.id })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await authenticateApiKey(key.key)).not.toBeNull();
  });

  it.each(["noConfiguration", "viewer"] as const)("refuses %s staff, and the key keeps working", async (who) => {
    const key = await liveKey();
    signInAs(staff[who]);
    expect((await revokeApiKeyAction({ id: key.id })).serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(await authenticateApiKey(key.key)).not.toBeNull();
  });

  it("lets an editor revoke a key: refused from then on, audited, and a second revoke is refused", async () => {
    const key = await liveKey();
    signInAs(staff.editor);
    const result = await revokeApiKeyAction({ id: key.id });
    expect(result.data).toMatchObject({ id: key.id, revokedAt: expect.any(Date) });
    expect(await authenticateApiKey(key.key)).toBeNull();
    expect(
      await testDb.auditEvent.count({ where: { action: "apikey.revoked", actorStaffId: staff.editor.id, details: { path: ["apiKeyId"], equals: key.id } } }),
    ).toBe(1);

    const again = await revokeApiKeyAction({ id: key.id });
    expect(again.serverError).toMatchObject({ code: "API_KEY_NOT_FOUND" });
    expect(await testDb.auditEvent.count({ where: { action: "apikey.revoked", details: { path: ["apiKeyId"], equals: key.id } } })).toBe(1);
  });
});

describe("authenticateApiKey", () => {
  it("refuses malformed, unknown and revoked keys alike", async () => {
    const revoked = await liveKey();
    await testDb.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    for (const presented of ["", "lk_live_", "lk_test_" + "a".repeat(43), issueApiKey().key, revoked.key, `${revoked.key} `]) {
      expect(await authenticateApiKey(presented)).toBeNull();
    }
  });
});

describe("listApiKeys", () => {
  it("lists live keys first, newest first, with their creator, and never a hash", async () => {
    const older = await testDb.apiKey.create({
      data: {
        name: unique("older"),
        prefix: "lk_live_aaaa",
        keyHash: hashApiKey(issueApiKey().key),
        createdByStaffId: staff.editor.id,
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    const newer = await testDb.apiKey.create({
      data: { name: unique("newer"), prefix: "lk_live_bbbb", keyHash: hashApiKey(issueApiKey().key), createdAt: new Date(Date.now() + 120_000) },
    });
    const gone = await testDb.apiKey.create({
      data: {
        name: unique("gone"),
        prefix: "lk_live_cccc",
        keyHash: hashApiKey(issueApiKey().key),
        createdAt: new Date(Date.now() + 180_000),
        revokedAt: new Date(),
      },
    });
    const list = await listApiKeys();
    const ids = list.map((key) => key.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(gone.id));
    expect(list.find((key) => key.id === older.id)).toEqual({
      id: older.id,
      name: older.name,
      prefix: "lk_live_aaaa",
      createdAt: older.createdAt,
      createdByName: staff.editor.name,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Object.keys(list[0]!)).not.toContain("keyHash");
  });
});
