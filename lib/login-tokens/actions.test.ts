import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createLoginTokenAction,
  deleteLoginTokensAction,
  resolvePastedTokenIdsAction,
  revealLoginTokenAction,
  searchTokenUsersAction,
  updateLoginTokenAction,
} from "@/lib/login-tokens/actions";
import { testDb } from "@/test/db";
import { createContact, createStaff, createToken, newTokenInput, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";
import { signInAs } from "@/test/staff-session";

// Installation settings are outside the unit; each test states the ones it relies on.
vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));
type Principal = "nobody" | "noConfiguration" | "viewer" | "editor";
let staff: Record<Exclude<Principal, "nobody">, { id: string; name: string }>;
const actAs = (who: Principal) => signInAs(who === "nobody" ? null : staff[who]);

beforeAll(async () => {
  staff = { editor: await createStaff("editor"), viewer: await createStaff("viewer"), noConfiguration: await createStaff("noConfiguration") };
});

const REFUSED: [Exclude<Principal, "editor">, string, string][] = [
  ["nobody", "UNAUTHENTICATED", "You are not signed in."],
  ["noConfiguration", "FORBIDDEN", "You need the Configuration role for this."],
  ["viewer", "FORBIDDEN", "Your access is read-only."],
];

const later = () => new Date(Date.now() + 86_400_000);
const eventsFor = (loginTokenId: string, action: string) => testDb.auditEvent.count({ where: { loginTokenId, action } });

describe("createLoginTokenAction", () => {
  it.each(REFUSED)("refuses %s and creates nothing", async (who, code, message) => {
    actAs(who);
    const extra = unique("refused-create");
    expect((await createLoginTokenAction(newTokenInput({ extra }))).serverError).toEqual({ code, message });
    expect(await testDb.loginToken.count({ where: { extra } })).toBe(0);
  });

  it("lets an editor create a token for a contact, audited, and returns its login link once", async () => {
    actAs("editor");
    const contact = await createContact();
    const extra = unique("created");
    const result = await createLoginTokenAction(
      newTokenInput({
        extra,
        user: { type: "CONTACT", id: contact.id },
        oneTimeUse: true,
        reason: "Helping with an order",
      }),
    );
    expect(result.data?.loginUrl).toMatch(/\/login\/token\?t=[A-Za-z0-9_-]{43}$/);
    expect(result.data?.user?.name).toBe(`${contact.firstName} ${contact.lastName}`);
    const row = await testDb.loginToken.findUniqueOrThrow({ where: { id: result.data!.id } });
    expect(row).toMatchObject({
      contactId: contact.id,
      userType: "CONTACT",
      oneTimeUse: true,
      extra,
      reason: "Helping with an order",
      createdByStaffId: staff.editor.id,
    });
    expect(await eventsFor(row.id, "token.created")).toBe(1);
  });

  it("refuses an expiry in the past at that field", async () => {
    actAs("editor");
    const extra = unique("past");
    const result = await createLoginTokenAction(newTokenInput({ extra, expiresAt: new Date(Date.now() - 60_000) }));
    expect(result.validationErrors?.fieldErrors).toEqual({ expiresAt: ["The expiry must be in the future."] });
    expect(await testDb.loginToken.count({ where: { extra } })).toBe(0);
  });

  it("refuses extra text over 4,000 characters at that field", async () => {
    actAs("editor");
    const result = await createLoginTokenAction(newTokenInput({ extra: "x".repeat(4001) }));
    expect(result.validationErrors?.fieldErrors.extra).toEqual(["Extra can be at most 4,000 characters."]);
  });

  it("asks for a reason at that field when the installation requires one for a named user", async () => {
    installation.env = { REQUIRE_IMPERSONATION_REASON: true };
    actAs("editor");
    const contact = await createContact();
    const result = await createLoginTokenAction(newTokenInput({ extra: unique("no-reason"), user: { type: "CONTACT", id: contact.id } }));
    expect(result.serverError).toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
    expect(await testDb.loginToken.count({ where: { contactId: contact.id } })).toBe(0);
  });
});

describe("updateLoginTokenAction", () => {
  async function tokenToEdit() {
    const token = await createToken({ extra: "before" });
    const { updatedAt } = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    return {
      id: token.id,
      input: { id: token.id, expectedUpdatedAt: updatedAt, expiresAt: later(), extra: "after", oneTimeUse: true, referrer: "", redirectPath: "" },
    };
  }

  it.each(REFUSED)("refuses %s and changes nothing", async (who, code) => {
    const { id, input } = await tokenToEdit();
    actAs(who);
    expect((await updateLoginTokenAction(input)).serverError).toMatchObject({ code });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ extra: "before", oneTimeUse: false });
  });

  it("lets an editor save, audited with what changed", async () => {
    const { id, input } = await tokenToEdit();
    actAs("editor");
    const saved = (await updateLoginTokenAction(input)).data;
    expect(saved?.id).toBe(id);
    // The table shows the answer's row in place of the old one, so it must be the row as saved.
    expect(saved?.row).toMatchObject({ id, extra: "after", oneTimeUse: true, status: "ACTIVE" });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ extra: "after", oneTimeUse: true });
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: id, action: "token.updated" } });
    expect(event.details).toMatchObject({ changes: { extra: { from: "before", to: "after" }, oneTimeUse: { from: false, to: true } } });
  });

  it("never moves a token to another person: the link already sent keeps signing in whom it was made for", async () => {
    const { id, input } = await tokenToEdit();
    const contact = await createContact();
    actAs("editor");
    for (const user of [{ type: "CONTACT" as const, id: contact.id }, null]) {
      const result = await updateLoginTokenAction({ ...input, user } as never);
      expect(result.validationErrors?.fieldErrors).toHaveProperty("user");
    }
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ userType: null, contactId: null, customerId: null, extra: "before" });
  });

  it("refuses a stale edit: someone else saved since the dialog opened", async () => {
    const { id, input } = await tokenToEdit();
    actAs("editor");
    expect((await updateLoginTokenAction({ ...input, extra: "first" })).data).toBeDefined();
    const result = await updateLoginTokenAction({ ...input, extra: "second" });
    expect(result.serverError).toMatchObject({ code: "STALE_EDIT", message: expect.stringContaining("Someone else changed this token") });
    expect((await testDb.loginToken.findUniqueOrThrow({ where: { id } })).extra).toBe("first");
  });
});

describe("resolvePastedTokenIdsAction", () => {
  it("refuses strangers and staff without the Configuration role; a viewer may filter", async () => {
    const token = await createToken();
    actAs("nobody");
    expect((await resolvePastedTokenIdsAction({ ids: [token.value] })).serverError).toMatchObject({ code: "UNAUTHENTICATED" });
    actAs("noConfiguration");
    expect((await resolvePastedTokenIdsAction({ ids: [token.value] })).serverError).toMatchObject({ code: "FORBIDDEN" });
    actAs("viewer");
    expect((await resolvePastedTokenIdsAction({ ids: [token.value] })).data).toEqual({ ids: [token.id], byValue: 1, unmatched: 0 });
  });

  it("turns pasted values into public ids, keeps ids, counts what matches no token, and never answers with a value", async () => {
    const [a, b, deleted] = [await createToken(), await createToken(), await createToken({ deletedAt: new Date() })];
    actAs("editor");
    const result = await resolvePastedTokenIdsAction({ ids: [a.value, b.id.toUpperCase(), deleted.value, "A".repeat(43), "not-a-value", a.id] });
    expect(result.data).toEqual({ ids: [b.id, a.id], byValue: 0, unmatched: 3 });
    const both = (await resolvePastedTokenIdsAction({ ids: [a.value, b.value] })).data;
    expect({ ...both, ids: both?.ids.sort() }).toEqual({ ids: [a.id, b.id].sort(), byValue: 2, unmatched: 0 });
    expect(JSON.stringify(result)).not.toContain(a.value);
  });
});

describe("deleteLoginTokensAction", () => {
  it.each(REFUSED)("refuses %s and deletes nothing", async (who, code) => {
    const a = await createToken();
    const b = await createToken();
    actAs(who);
    expect((await deleteLoginTokensAction({ ids: [a.id, b.id] })).serverError).toMatchObject({ code });
    expect(await testDb.loginToken.count({ where: { id: { in: [a.id, b.id] }, deletedAt: null } })).toBe(2);
  });

  it("lets an editor soft-delete several at once, each audited, and counts only those still there", async () => {
    const a = await createToken();
    const b = await createToken();
    const gone = await createToken({ deletedAt: new Date() });
    actAs("editor");
    expect((await deleteLoginTokensAction({ ids: [a.id, b.id, gone.id] })).data).toEqual({ deleted: 2 });
    const rows = await testDb.loginToken.findMany({ where: { id: { in: [a.id, b.id] } }, select: { deletedAt: true } });
    expect(rows.every((row) => row.deletedAt !== null)).toBe(true);
    expect((await eventsFor(a.id, "token.deleted")) + (await eventsFor(b.id, "token.deleted"))).toBe(2);
  });
});

describe("revealLoginTokenAction", () => {
  it.each(REFUSED)("refuses %s, reveals nothing and audits no reveal", async (who, code) => {
    const token = await createToken();
    actAs(who);
    const result = await revealLoginTokenAction({ id: token.id });
    expect(result.serverError).toMatchObject({ code });
    expect(JSON.stringify(result)).not.toContain(token.value);
    expect(await eventsFor(token.id, "token.revealed")).toBe(0);
  });

  it("reveals the value and its link to an editor, and audits the reveal", async () => {
    const token = await createToken();
    actAs("editor");
    const result = await revealLoginTokenAction({ id: token.id });
    expect(result.data).toEqual({ value: token.value, loginUrl: expect.stringContaining(`/login/token?t=${token.value}`) });
    expect(await eventsFor(token.id, "token.revealed")).toBe(1);
  });
});

describe("searchTokenUsersAction", () => {
  it.each(REFUSED.filter(([who]) => who !== "viewer"))("refuses %s", async (who, code) => {
    actAs(who);
    expect((await searchTokenUsersAction({ query: "a" })).serverError).toMatchObject({ code });
  });

  it.each(["viewer", "editor"] as const)("lets a %s search contacts and customers (the filter picker needs it)", async (who) => {
    const contact = await createContact({ firstName: "Searchable", lastName: unique("Person") });
    actAs(who);
    const result = await searchTokenUsersAction({ query: contact.lastName });
    expect(result.data).toEqual([expect.objectContaining({ type: "CONTACT", id: contact.id })]);
  });
});
