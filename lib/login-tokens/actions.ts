"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import {
  createLoginTokenSchema,
  deleteLoginTokensSchema,
  loginTokenIdSchema,
  updateLoginTokenSchema,
} from "@/lib/login-tokens/schemas";
import {
  createLoginToken,
  deleteLoginTokens,
  revealLoginToken,
  rotateLoginToken,
  unlockLoginToken,
  updateLoginToken,
} from "@/lib/login-tokens/mutations";
import { searchTokenUsers } from "@/lib/login-tokens/users";

const LOGIN_TOKENS_PATH = "/users/login-tokens";

export const createLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.create", permission: "loginTokens.write" })
  .inputSchema(createLoginTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const issued = await createLoginToken({ ...parsedInput, assistanceOverride: can(ctx.staff, "impersonation.override") }, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    return { id: issued.id, loginUrl: issued.loginUrl, userName: issued.user?.name ?? null };
  });

export const updateLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.update", permission: "loginTokens.write" })
  .inputSchema(updateLoginTokenSchema)
  .action(async ({ parsedInput: { id, expectedUpdatedAt, ...changes }, ctx }) => {
    const saved = await updateLoginToken(id, expectedUpdatedAt, changes, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    return saved;
  });

export const deleteLoginTokensAction = staffAction
  .metadata({ name: "loginTokens.delete", permission: "loginTokens.write" })
  .inputSchema(deleteLoginTokensSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deleted = await deleteLoginTokens(parsedInput.ids, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    return { deleted };
  });

export const revealLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.reveal", permission: "loginTokens.reveal" })
  .inputSchema(loginTokenIdSchema)
  .action(async ({ parsedInput, ctx }) => revealLoginToken(parsedInput.id, ctx.by));

export const rotateLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.rotate", permission: "loginTokens.reveal" })
  .inputSchema(loginTokenIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const rotated = await rotateLoginToken(parsedInput.id, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    return rotated;
  });

export const unlockLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.unlock", permission: "loginTokens.write" })
  .inputSchema(loginTokenIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    await unlockLoginToken(parsedInput.id, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    return { unlocked: true };
  });

export const searchTokenUsersAction = staffAction
  .metadata({ name: "loginTokens.searchUsers", permission: "loginTokens.read" })
  .inputSchema(z.object({ query: z.string().max(100) }))
  .action(async ({ parsedInput }) => searchTokenUsers(parsedInput.query));
