"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { ACCOUNT_PATH } from "@/lib/auth/session";
import { changeOwnPassword, endOwnSessions } from "@/lib/staff/own-account";
import { changePasswordSchema, confirmTotpSchema, removeTotpSchema, sessionIdSchema } from "@/lib/staff/schemas";
import { beginTotpSetup, confirmTotpSetup, removeTotp } from "@/lib/staff/totp";

const own = (name: string) => staffAction.metadata({ name, permission: "account.manage" });

export const changePasswordAction = own("account.changePassword")
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changeOwnPassword(ctx.staff.id, ctx.staff.sessionId, parsedInput, ctx.by);
    revalidatePath(ACCOUNT_PATH);
    return { done: true };
  });

export const endSessionAction = own("account.endSession")
  .inputSchema(sessionIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const ended = await endOwnSessions(ctx.staff.id, { id: parsedInput.id }, ctx.by);
    revalidatePath(ACCOUNT_PATH);
    return { ended };
  });

export const endOtherSessionsAction = own("account.endOtherSessions").action(async ({ ctx }) => {
  const ended = await endOwnSessions(ctx.staff.id, { allBut: ctx.staff.sessionId }, ctx.by);
  revalidatePath(ACCOUNT_PATH);
  return { ended };
});

export const beginTotpSetupAction = own("account.beginTotpSetup").action(async ({ ctx }) => beginTotpSetup(ctx.staff));

export const confirmTotpSetupAction = own("account.confirmTotpSetup")
  .inputSchema(confirmTotpSchema)
  .action(async ({ parsedInput, ctx }) => {
    const recoveryCodes = await confirmTotpSetup(ctx.staff.id, parsedInput, ctx.by);
    revalidatePath(ACCOUNT_PATH);
    return { recoveryCodes };
  });

export const removeTotpAction = own("account.removeTotp")
  .inputSchema(removeTotpSchema)
  .action(async ({ parsedInput, ctx }) => {
    await removeTotp(ctx.staff.id, parsedInput, ctx.by);
    revalidatePath(ACCOUNT_PATH);
    return { removed: true };
  });
