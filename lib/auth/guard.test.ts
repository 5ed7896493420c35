import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit";
import { createStaff, personId, unique } from "@/test/factories";
import { testDb } from "@/test/db";
import { signInAs } from "@/test/staff-session";

// A write guarded like every real action: it creates a company and audits it.
const createCompanyAction = staffAction
  .metadata({ name: "test.createCompany", permission: "loginTokens.write" })
  .inputSchema(z.object({ name: z.string().min(3, "At least 3 characters.") }))
  .action(async ({ parsedInput, ctx }) => {
    const company = await testDb.company.create({ data: { id: personId(), name: parsedInput.name } });
    await recordAudit({ action: "token.created", ...ctx.by, details: { company: company.id } });
    return { id: company.id };
  });

const readAction = staffAction.metadata({ name: "test.read", permission: "loginTokens.read" }).action(async ({ ctx }) => ({ staffId: ctx.staff.id }));

const manageStaffAction = staffAction.metadata({ name: "test.manageStaff", permission: "staff.manage" }).action(async ({ ctx }) => ({ staffId: ctx.staff.id }));

let staff: Record<"editor" | "viewer" | "noConfiguration" | "administrator", { id: string; name: string }>;

beforeAll(async () => {
  staff = {
    editor: await createStaff("editor"),
    viewer: await createStaff("viewer"),
    noConfiguration: await createStaff("noConfiguration"),
    administrator: await createStaff("administrator"),
  };
});

const companiesNamed = (name: string) => testDb.company.count({ where: { name } });

describe("the guard of server actions", () => {
  it("refuses a caller without a session and writes nothing", async () => {
    signInAs(null);
    const name = unique("nobody");
    const result = await createCompanyAction({ name });
    expect(result.serverError).toMatchObject({ code: "UNAUTHENTICATED", message: "You are not signed in." });
    expect(await companiesNamed(name)).toBe(0);
  });

  it("refuses staff without the Configuration role, even for reading", async () => {
    signInAs(staff.noConfiguration);
    const name = unique("orders");
    expect((await createCompanyAction({ name })).serverError).toMatchObject({ code: "FORBIDDEN" });
    expect((await readAction()).serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(await companiesNamed(name)).toBe(0);
  });

  it("lets a viewer read but refuses a viewer's write", async () => {
    signInAs(staff.viewer);
    const name = unique("viewer");
    expect((await readAction()).data).toEqual({ staffId: staff.viewer.id });
    expect((await createCompanyAction({ name })).serverError).toMatchObject({ code: "FORBIDDEN", message: "Your access is read-only." });
    expect(await companiesNamed(name)).toBe(0);
  });

  it("lets an editor write, and the write is audited with who and from where", async () => {
    signInAs(staff.editor);
    const name = unique("editor");
    const result = await createCompanyAction({ name });
    expect(result.data?.id).toEqual(expect.any(Number));
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { actorStaffId: staff.editor.id }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorType: "STAFF", actorLabel: staff.editor.name, ip: "203.0.113.7", userAgent: "latchkey-tests" });
  });

  it("answers invalid input with field errors and writes nothing", async () => {
    signInAs(staff.editor);
    const before = await testDb.company.count();
    const result = await createCompanyAction({ name: "ab" });
    expect(result.validationErrors?.fieldErrors).toEqual({ name: ["At least 3 characters."] });
    expect(await testDb.company.count()).toBe(before);
  });

  it("reads roles fresh: an editor demoted to viewer is refused on the next write", async () => {
    const demoted = await createStaff("editor");
    signInAs(demoted);
    expect((await createCompanyAction({ name: unique("before") })).data).toBeDefined();
    await testDb.staffUser.update({ where: { id: demoted.id }, data: { viewer: true } });
    const name = unique("after");
    expect((await createCompanyAction({ name })).serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(await companiesNamed(name)).toBe(0);
  });

  it("keeps rules held by administrators to administrators, whatever the roles", async () => {
    for (const kind of ["editor", "viewer", "noConfiguration"] as const) {
      signInAs(staff[kind]);
      expect((await manageStaffAction()).serverError).toMatchObject({ code: "FORBIDDEN", message: "Only administrators can manage staff." });
    }
    signInAs(staff.administrator);
    expect((await manageStaffAction()).data).toEqual({ staffId: staff.administrator.id });
    // Being an administrator grants no role: the token list stays for Configuration.
    expect((await readAction()).serverError).toMatchObject({ code: "FORBIDDEN" });
  });

  it("reads the administrator flag fresh: a removed administrator is refused on the next call", async () => {
    const former = await createStaff("administrator");
    signInAs(former);
    expect((await manageStaffAction()).data).toBeDefined();
    await testDb.staffUser.update({ where: { id: former.id }, data: { administrator: false } });
    expect((await manageStaffAction()).serverError).toMatchObject({ code: "FORBIDDEN" });
  });
});
