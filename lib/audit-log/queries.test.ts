import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { describeAuditDetails } from "@/lib/audit-log/describe-details";
import { AUDIT_COUNT_CAP, listAuditActorOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { loadAuditLogSearchParams } from "@/lib/audit-log/search-params";
import { testDb } from "@/test/db";
import { createStaff, createToken } from "@/test/factories";

const meta = { ip: "192.0.2.10", userAgent: "audit-tests" };
const params = (query: Record<string, string> = {}) => loadAuditLogSearchParams(new URLSearchParams(query));

describe("the audit log", () => {
  it("filters by actor, action, token and time, newest first", async () => {
    const staff = await createStaff("editor");
    const token = await createToken();
    const actor = { type: "STAFF" as const, id: staff.id, name: staff.name };
    await recordAudit({ action: "token.created", actor, meta, loginTokenId: token.id });
    await recordAudit({ action: "token.revealed", actor, meta, loginTokenId: token.id });
    await recordAudit({ action: "token.redeem_failed", actor: { type: "VISITOR" }, meta, loginTokenId: token.id });

    const byToken = await listAuditEvents(params({ token: token.id }));
    expect(byToken.rows.map((row) => row.action)).toEqual(["token.redeem_failed", "token.revealed", "token.created"]);
    expect(byToken).toMatchObject({ total: 3, totalIsCapped: false, pageCount: 1 });

    expect((await listAuditEvents(params({ token: token.id, actor: `staff:${staff.id}` }))).rows.map((r) => r.action)).toEqual([
      "token.revealed",
      "token.created",
    ]);
    expect((await listAuditEvents(params({ token: token.id, actor: "visitor" }))).rows).toMatchObject([
      { action: "token.redeem_failed", actorType: "VISITOR", ip: "192.0.2.10" },
    ]);
    expect((await listAuditEvents(params({ token: token.id, action: "token.revealed" }))).rows).toMatchObject([{ actorLabel: staff.name }]);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(params({ token: token.id, from: tomorrow }))).rows).toEqual([]);
    expect((await listAuditEvents(params({ token: token.id, to: yesterday }))).rows).toEqual([]);
    // Both ends name whole days: a range of today alone holds today's events.
    expect((await listAuditEvents(params({ token: token.id, from: today, to: today }))).total).toBe(3);
  });

  it("reads unknown URL values as no filter, and pages through the rest", async () => {
    const token = await createToken();
    for (let i = 0; i < 3; i++) await recordAudit({ action: "token.redeemed", actor: { type: "VISITOR" }, meta, loginTokenId: token.id });
    const loose = await params({ token: token.id, action: "token.stolen", actor: "staff:not-a-uuid", page: "-3", perPage: "7" });
    expect(loose).toMatchObject({ action: null, actor: null, page: 1, perPage: 50 });
    const second = await listAuditEvents({ ...(await params({ token: token.id })), perPage: 25, page: 2 });
    expect(second.rows).toEqual([]);
    expect(second.total).toBe(3);
  });

  it("counts exactly up to the cap and says when there are more", async () => {
    const token = await createToken();
    await testDb.auditEvent.createMany({
      data: Array.from({ length: AUDIT_COUNT_CAP + 5 }, () => ({ action: "token.redeem_failed", actorType: "VISITOR" as const, loginTokenId: token.id })),
    });
    const page = await listAuditEvents(await params({ token: token.id }));
    expect(page).toMatchObject({ total: AUDIT_COUNT_CAP, totalIsCapped: true, pageCount: AUDIT_COUNT_CAP / 50 });
    expect(page.rows).toHaveLength(50);
  });

  it("is append-only: the database refuses to change or remove an event", async () => {
    const token = await createToken();
    await recordAudit({ action: "token.created", actor: { type: "SYSTEM" }, meta, loginTokenId: token.id });
    await expect(testDb.auditEvent.updateMany({ where: { loginTokenId: token.id }, data: { action: "token.deleted" } })).rejects.toThrow(/append-only/);
    await expect(testDb.auditEvent.deleteMany({ where: { loginTokenId: token.id } })).rejects.toThrow(/append-only/);
    expect(await testDb.auditEvent.count({ where: { loginTokenId: token.id, action: "token.created" } })).toBe(1);
  });

  it("offers every staff member, API key and visitors as actors", async () => {
    const staff = await createStaff("viewer");
    const options = await listAuditActorOptions();
    expect(options).toContainEqual({ value: `staff:${staff.id}`, label: staff.name, group: "Staff" });
    expect(options.at(-1)).toMatchObject({ value: "visitor", group: "Visitors" });
  });
});

describe("describing an event's details", () => {
  const date = (iso: string) => `at ${iso.slice(0, 10)}`;

  it("shows an edit as old → new per field, with readable values", () => {
    const lines = describeAuditDetails(
      {
        changes: {
          expiresAt: { from: "2026-12-01T10:00:00.000Z", to: null },
          oneTimeUse: { from: false, to: true },
          user: { from: null, to: { type: "CONTACT", id: 4 } },
        },
      },
      date,
    );
    expect(lines).toEqual(["Expires at: at 2026-12-01 → Never", "One time use: No → Yes", "Contact or customer: — → contact #4"]);
  });

  it("shows other events' details as labelled values and cuts long text", () => {
    expect(describeAuditDetails({ channel: "link" }, date)).toEqual(["Through: login link"]);
    expect(describeAuditDetails({ apiKeyId: "x", name: "CRM", prefix: "lk_live_ab12" }, date)).toEqual(["Name: CRM", "Key: lk_live_ab12…"]);
    expect(describeAuditDetails({ reason: "x".repeat(500) }, date)[0]).toHaveLength("Reason: ".length + 121);
    expect(describeAuditDetails(null, date)).toEqual([]);
  });
});
