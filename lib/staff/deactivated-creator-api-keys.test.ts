import { describe, expect, it } from "vitest";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { authenticateApiKey } from "@/lib/api-keys/principal";
import { deactivateStaffAction } from "@/lib/staff/actions";
import { testDb } from "@/test/db";
import { createStaff, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

// API keys belong to the installation: an integration keeps working when the
// person who made its key leaves (README, "Staff accounts and sessions").
describe("API keys of a deactivated staff member", () => {
  it("keep working after their creator is deactivated, and still name the creator", async () => {
    const creator = await createStaff("editor");
    signInAs(creator);
    const created = await createApiKeyAction({ name: unique("integration") });
    const key = created.data!.key;
    expect(await authenticateApiKey(key)).not.toBeNull();

    signInAs(await createStaff("administrator"));
    expect((await deactivateStaffAction({ id: creator.id })).data).toBeDefined();
    expect(await testDb.staffUser.findUniqueOrThrow({ where: { id: creator.id }, select: { deactivatedAt: true } })).toEqual({
      deactivatedAt: expect.any(Date),
    });

    expect(await authenticateApiKey(key)).toMatchObject({ name: created.data!.name });
    expect(await testDb.apiKey.findFirstOrThrow({ where: { name: created.data!.name }, select: { createdByStaffId: true } })).toEqual({
      createdByStaffId: creator.id,
    });
  });
});
