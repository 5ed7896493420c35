"use server";

import { pageChangeAction, rowIdAction } from "@/lib/actions/guarded-action";
import type { AuditContext } from "@/lib/audit";
import { deactivateStaff, inviteStaff, reactivateStaff, resetStaffPassword, updateStaff } from "@/lib/staff/accounts";
import { inviteStaffSchema, staffIdSchema, updateStaffSchema } from "@/lib/staff/schemas";

const STAFF_PATH = "/settings/staff";

const manage = (name: string) => ({ name, permission: "staff.manage" as const });

export const inviteStaffAction = pageChangeAction(manage("staff.invite"), inviteStaffSchema, STAFF_PATH, async (input, { by }) => ({
  link: (await inviteStaff(input, by)).link,
}));

export const updateStaffAction = pageChangeAction(manage("staff.update"), updateStaffSchema, STAFF_PATH, async (input, { by }) => {
  await updateStaff(input, by);
  return { id: input.id };
});

/** Deactivate and reactivate take an account's id and nothing else, under the same permission. */
const staffLifecycleAction = (name: string, change: (id: string, by: AuditContext) => Promise<void>) =>
  rowIdAction(manage(name), staffIdSchema, change, STAFF_PATH);

export const deactivateStaffAction = staffLifecycleAction("staff.deactivate", deactivateStaff);
export const reactivateStaffAction = staffLifecycleAction("staff.reactivate", reactivateStaff);

export const resetStaffPasswordAction = pageChangeAction(manage("staff.resetPassword"), staffIdSchema, STAFF_PATH, async ({ id }, { by }) => ({
  link: (await resetStaffPassword(id, by)).link,
}));
