import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPunchoutBuyerAction } from "@/lib/punchout/actions";
import type { CreatePunchoutBuyerInput } from "@/lib/punchout/schemas";
import { testDb } from "@/test/db";
import { createContact, createStaff, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

type Staff = { id: string };
let editor: Staff;
let viewer: Staff;
let contact: { id: number; companyId: number };

beforeAll(async () => {
  editor = await createStaff("editor");
  viewer = await createStaff("viewer");
  contact = await createContact();
});

const ociInput = (overrides: Partial<Record<string, unknown>> = {}) =>
  ({
    protocol: "OCI",
    name: unique("Acme SRM"),
    companyId: contact.companyId,
    contactId: contact.id,
    ociUsername: unique("ACME"),
    ociUsernameField: "USERNAME",
    ociPasswordField: "PASSWORD",
    returnOrigins: "https://srm.acme.test\nhttps://srm.acme.test/",
    ...overrides,
  }) as CreatePunchoutBuyerInput;

describe("createPunchoutBuyerAction", () => {
  it("adds a buyer, shows its generated password once and stores only an argon2id hash of it, audited", async () => {
    signInAs(editor);
    const input = ociInput();
    const result = await createPunchoutBuyerAction(input);
    const issued = result.data!;
    expect(issued.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const row = await testDb.punchoutBuyer.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({
      protocol: "OCI",
      ociUsername: input.protocol === "OCI" ? input.ociUsername : "",
      returnOrigins: ["https://srm.acme.test"],
      createdByStaffId: editor.id,
    });
    expect(row.secretHash).toMatch(/^\$argon2id\$/);
    expect(row.secretHash).not.toContain(issued.secret);
    expect(await verifyPassword(row.secretHash, issued.secret)).toBe(true);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "punchout_buyer.created", actorStaffId: editor.id }, orderBy: { id: "desc" } });
    expect(audit.details).toMatchObject({ buyerId: issued.id, protocol: "OCI" });
    expect(JSON.stringify(audit.details)).not.toContain(issued.secret);
  });

  it("refuses viewers, and creates nothing", async () => {
    signInAs(viewer);
    const input = ociInput();
    expect((await createPunchoutBuyerAction(input)).serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb.punchoutBuyer.count({ where: { name: input.name } })).toBe(0);
  });

  it("puts bad input at its field: an http origin, a path, a reserved or repeated field name, a taken username, a contact of another company", async () => {
    signInAs(editor);
    const fieldError = async (overrides: Partial<Record<string, unknown>>) => {
      const result = await createPunchoutBuyerAction(ociInput(overrides));
      return { fields: result.validationErrors?.fieldErrors ?? {}, server: result.serverError };
    };
    expect((await fieldError({ returnOrigins: "http://srm.acme.test" })).fields).toHaveProperty("returnOrigins");
    expect((await fieldError({ returnOrigins: "https://srm.acme.test/return" })).fields).toHaveProperty("returnOrigins");
    expect((await fieldError({ returnOrigins: "" })).fields).toHaveProperty("returnOrigins");
    // localhost passes the schema but this installation does not set PUNCHOUT_ALLOW_INSECURE_RETURN.
    expect((await fieldError({ returnOrigins: "http://localhost:3161" })).server).toMatchObject({ field: "returnOrigins" });
    expect((await fieldError({ ociUsernameField: "HOOK_URL" })).fields).toHaveProperty("ociUsernameField");
    expect((await fieldError({ ociPasswordField: "username" })).fields).toHaveProperty("ociPasswordField");
    const taken = ociInput();
    await createPunchoutBuyerAction(taken);
    expect((await fieldError({ ociUsername: taken.protocol === "OCI" ? taken.ociUsername : "" })).server).toMatchObject({
      field: "ociUsername",
      code: "PUNCHOUT_BUYER_EXISTS",
    });
    const stranger = await createContact();
    expect((await fieldError({ contactId: stranger.id })).server).toMatchObject({ field: "contactId" });
  });

  it("adds a cXML buyer with its Sender domain compared case-insensitively", async () => {
    signInAs(editor);
    const identity = unique("AN0100");
    const result = await createPunchoutBuyerAction({
      protocol: "CXML",
      name: unique("Ariba"),
      companyId: contact.companyId,
      contactId: null,
      cxmlDomain: "NetworkID",
      cxmlIdentity: identity,
      returnOrigins: "https://service.ariba.test",
    });
    expect(
      await testDb.punchoutBuyer.findUniqueOrThrow({ where: { id: result.data!.id }, select: { cxmlDomain: true, cxmlIdentity: true, contactId: true } }),
    ).toEqual({
      cxmlDomain: "networkid",
      cxmlIdentity: identity,
      contactId: null,
    });
  });
});
