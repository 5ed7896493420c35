import { beforeAll, describe, expect, it } from "vitest";
import { deactivateStaffAction, inviteStaffAction, reactivateStaffAction, resetStaffPasswordAction, updateStaffAction } from "@/lib/staff/actions";
import { testDb } from "@/test/db";
import { createStaff, PRINCIPALS, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

type Kind = keyof typeof PRINCIPALS;
const KINDS = Object.keys(PRINCIPALS) as Kind[];
let principals: Record<Kind, { id: string }>;
let target: { id: string };

beforeAll(async () => {
  principals = Object.fromEntries(await Promise.all(KINDS.map(async (kind) => [kind, await createStaff(kind)]))) as Record<Kind, { id: string }>;
  target = await createStaff("editor");
});

const invite = () => ({ email: `${unique("m")}@staff.test`, name: unique("M"), roles: ["ORDERS" as const], viewer: false, administrator: false });

// Every Settings > Staff action, against every kind of principal: only administrators get through.
const ACTIONS = {
  invite: () => inviteStaffAction(invite()),
  update: () => updateStaffAction({ id: target.id, name: unique("Renamed"), roles: ["CONFIGURATION"], viewer: false, administrator: false }),
  deactivate: () => deactivateStaffAction({ id: target.id }),
  reactivate: () => reactivateStaffAction({ id: target.id }),
  resetPassword: () => resetStaffPasswordAction({ id: target.id }),
};

describe("Settings > Staff actions × principals", () => {
  for (const [name, call] of Object.entries(ACTIONS)) {
    for (const kind of KINDS.filter((k) => k !== "administrator")) {
      it(`${name} is refused to ${kind}, and changes nothing`, async () => {
        const before = await testDb.staffUser.findUniqueOrThrow({ where: { id: target.id } });
        const staffCount = await testDb.staffUser.count();
        signInAs(principals[kind]);
        expect((await call()).serverError).toMatchObject({ code: "FORBIDDEN", message: "Only administrators can manage staff." });
        expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
        expect(await testDb.staffUser.count()).toBe(staffCount);
      });
    }
    it(`${name} is allowed to an administrator`, async () => {
      signInAs(principals.administrator);
      const result = await call();
      expect(result.serverError).toBeUndefined();
      expect(result.data).toBeDefined();
    });
  }

  it("refuses bad input at its field and creates nobody", async () => {
    signInAs(principals.administrator);
    const before = await testDb.staffUser.count();
    const result = await inviteStaffAction({ email: "not-an-email", name: "x".repeat(10_000), roles: ["OWNER" as never], viewer: false, administrator: false });
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {}).sort()).toEqual(["email", "name", "roles"]);
    expect(await testDb.staffUser.count()).toBe(before);
  });

  it("refuses a second invitation for the same email at the email field", async () => {
    signInAs(principals.administrator);
    const input = invite();
    expect((await inviteStaffAction(input)).data).toBeDefined();
    expect((await inviteStaffAction(input)).serverError).toMatchObject({ code: "EMAIL_TAKEN", field: "email" });
  });
});
