import { beforeAll, describe, expect, it, vi } from "vitest";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { logInAsAction } from "@/lib/people/actions";
import { testDb } from "@/test/db";
import { createContact, createCustomer, createStaff, newTokenInput, unique } from "@/test/factories";
import { installation } from "@/test/installation-env";
import { signInAs } from "@/test/staff-session";

vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));
let editor: { id: string };
let viewer: { id: string };
let salesAdministrator: { id: string };

beforeAll(async () => {
  editor = await createStaff("editor");
  viewer = await createStaff("viewer");
  const name = unique("admin");
  salesAdministrator = await testDb.staffUser.create({
    data: { email: `${name}@staff.test`, name, passwordHash: "$argon2id$none", roles: ["CONFIGURATION"], administrator: true },
    select: { id: true },
  });
});

async function deniedCustomer() {
  const customer = await createCustomer();
  await testDb.customer.update({ where: { id: customer.id }, data: { assistanceAllowed: false } });
  return customer;
}

describe("Log in as", () => {
  it("makes a one-time token that expires in LOG_IN_AS_MINUTES, with the reason in its audit event", async () => {
    installation.env.LOG_IN_AS_MINUTES = 5;
    const contact = await createContact();
    signInAs(editor);
    const result = await logInAsAction({ user: { type: "CONTACT", id: contact.id }, reason: "On the phone about order 4711" });
    expect(result?.data?.loginUrl).toMatch(/\/login\/token\?t=/);
    const token = await testDb.loginToken.findFirstOrThrow({ where: { contactId: contact.id }, orderBy: { createdAt: "desc" } });
    expect(token).toMatchObject({ oneTimeUse: true, reason: "On the phone about order 4711", createdByStaffId: editor.id });
    expect(Math.abs(token.expiresAt!.getTime() - Date.now() - 5 * 60_000)).toBeLessThan(10_000);
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.created" } });
    expect(event.details).toMatchObject({ reason: "On the phone about order 4711", oneTimeUse: true });
  });

  it("needs the reason where the installation requires one, at the reason field", async () => {
    installation.env.REQUIRE_IMPERSONATION_REASON = true;
    signInAs(editor);
    const result = await logInAsAction({ user: { type: "CUSTOMER", id: (await createCustomer()).id }, reason: "  " });
    expect(result?.serverError).toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
  });

  it("is refused to a viewer", async () => {
    signInAs(viewer);
    const result = await logInAsAction({ user: { type: "CUSTOMER", id: (await createCustomer()).id }, reason: "" });
    expect(result?.serverError).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the assistance policy", () => {
  it("refuses a token for a customer who denies assistance, saying why, and makes none", async () => {
    const customer = await deniedCustomer();
    signInAs(editor);
    const result = await logInAsAction({ user: { type: "CUSTOMER", id: customer.id }, reason: "" });
    expect(result?.serverError).toEqual({
      code: "ASSISTANCE_DENIED",
      field: "user",
      message: "This customer does not allow staff to sign in as them. Only an administrator can override this.",
    });
    expect(await testDb.loginToken.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("refuses a token for a contact of a company that denies it, in the New Login Token dialog too", async () => {
    const contact = await createContact();
    const company = await testDb.company.update({ where: { id: contact.companyId }, data: { assistanceAllowed: false } });
    signInAs(editor);
    const result = await createLoginTokenAction(newTokenInput({ user: { type: "CONTACT", id: contact.id } }));
    expect(result?.serverError?.message).toBe(`${company.name} does not allow staff to sign in as its contacts. Only an administrator can override this.`);
  });

  it("lets an administrator override it, and the token's event says so", async () => {
    const customer = await deniedCustomer();
    signInAs(salesAdministrator);
    const result = await logInAsAction({ user: { type: "CUSTOMER", id: customer.id }, reason: "Fraud check requested by the customer's bank" });
    expect(result?.data?.loginUrl).toBeDefined();
    const token = await testDb.loginToken.findFirstOrThrow({ where: { customerId: customer.id } });
    const event = await testDb.auditEvent.findFirstOrThrow({ where: { loginTokenId: token.id, action: "token.created" } });
    expect(event.details).toMatchObject({ assistanceOverridden: true, reason: "Fraud check requested by the customer's bank" });
  });

  it("does not touch anonymous tokens, and refuses a deactivated person", async () => {
    signInAs(editor);
    const anonymous = await createLoginTokenAction(newTokenInput({ user: null }));
    expect(anonymous?.data?.id).toBeDefined();
    const customer = await createCustomer();
    await testDb.customer.update({ where: { id: customer.id }, data: { deactivatedAt: new Date() } });
    const result = await logInAsAction({ user: { type: "CUSTOMER", id: customer.id }, reason: "" });
    expect(result?.serverError).toMatchObject({ code: "PERSON_DEACTIVATED" });
  });
});
