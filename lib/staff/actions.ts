"use server";

import { revalidatePath } from "next/cache";
import { rowIdAction } from "@/lib/actions/row-id-action";
import { staffAction } from "@/lib/actions/safe-action";
import type { AuditContext } from "@/lib/audit";
import { deactivateStaff, inviteStaff, reactivateStaff, resetStaffPassword, updateStaff } from "@/lib/staff/accounts";
import { inviteStaffSchema, staffIdSchema, updateStaffSchema } from "@/lib/staff/schemas";

const STAFF_PATH = "/settings/staff";

const manage = (name: string) => staffAction.metadata({ name, permission: "staff.manage" });

export const inviteStaffAction = manage("staff.invite")
  .inputSchema(inviteStaffSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { link } = await inviteStaff(parsedInput, ctx.by);
    revalidatePath(STAFF_PATH);
    return { link };
  });

export const updateStaffAction = manage("staff.update")
  .inputSchema(updateStaffSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateStaff(parsedInput, ctx.by);
    revalidatePath(STAFF_PATH);
    return { id: parsedInput.id };
  });

/** Deactivate and reactivate take an account's id and nothing else, under the same permission. */
const staffLifecycleAction = (name: string, change: (id: string, by: AuditContext) => Promise<void>) =>
  rowIdAction({ name, permission: "staff.manage" }, staffIdSchema, change, STAFF_PATH);

export const deactivateStaffAction = staffLifecycleAction("staff.deactivate", deactivateStaff);
export const reactivateStaffAction = staffLifecycleAction("staff.reactivate", reactivateStaff);

export const resetStaffPasswordAction = manage("staff.resetPassword")
  .inputSchema(staffIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { link } = await resetStaffPassword(parsedInput.id, ctx.by);
    revalidatePath(STAFF_PATH);
    return { link };
  });
