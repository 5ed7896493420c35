"use server";

import { revalidatePath } from "next/cache";
import { pageChangeAction } from "@/lib/actions/guarded-action";
import { staffAction } from "@/lib/actions/safe-action";
import { ACCOUNT_PATH } from "@/lib/auth/session";
import { changeOwnPassword, endOwnSessions } from "@/lib/staff/own-account";
import { changePasswordSchema, confirmTotpSchema, removeTotpSchema, sessionIdSchema } from "@/lib/staff/schemas";
import { beginTotpSetup, confirmTotpSetup, removeTotp } from "@/lib/staff/totp";

const own = (name: string) => ({ name, permission: "account.manage" as const });

export const changePasswordAction = pageChangeAction(own("account.changePassword"), changePasswordSchema, ACCOUNT_PATH, async (input, { staff, by }) => {
  await changeOwnPassword(staff.id, staff.sessionId, input, by);
  return { done: true };
});

export const endSessionAction = pageChangeAction(own("account.endSession"), sessionIdSchema, ACCOUNT_PATH, async ({ id }, { staff, by }) => ({
  ended: await endOwnSessions(staff.id, { id }, by),
}));

export const endOtherSessionsAction = staffAction.metadata(own("account.endOtherSessions")).action(async ({ ctx }) => {
  const ended = await endOwnSessions(ctx.staff.id, { allBut: ctx.staff.sessionId }, ctx.by);
  revalidatePath(ACCOUNT_PATH);
  return { ended };
});

export const beginTotpSetupAction = staffAction.metadata(own("account.beginTotpSetup")).action(async ({ ctx }) => beginTotpSetup(ctx.staff));

export const confirmTotpSetupAction = pageChangeAction(own("account.confirmTotpSetup"), confirmTotpSchema, ACCOUNT_PATH, async (input, { staff, by }) => ({
  recoveryCodes: await confirmTotpSetup(staff.id, input, by),
}));

export const removeTotpAction = pageChangeAction(own("account.removeTotp"), removeTotpSchema, ACCOUNT_PATH, async (input, { staff, by }) => {
  await removeTotp(staff.id, input, by);
  return { removed: true };
});
