"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import { loginTokenFiltersSchema } from "@/lib/login-tokens/table-filters";
import { can } from "@/lib/auth/permissions";
import {
  createLoginTokenSchema,
  deleteLoginTokensSchema,
  endTokenSessionsSchema,
  loginTokenIdSchema,
  searchTokenUsersSchema,
  updateLoginTokenSchema,
} from "@/lib/login-tokens/schemas";
import { createLoginToken, deleteLoginTokens, revealLoginToken, rotateLoginToken, unlockLoginToken, updateLoginToken } from "@/lib/login-tokens/mutations";
import { resolvePastedTokenIds } from "@/lib/login-tokens/pasted-ids";
import { findLoginTokenRow } from "@/lib/login-tokens/queries";
import { searchTokenUsers } from "@/lib/login-tokens/users";
import { getTokenActivity } from "@/lib/login-tokens/activity";
import { endTokenSessions } from "@/lib/shop/token-sessions";

const LOGIN_TOKENS_PATH = "/users/login-tokens";

export const createLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.create", permission: "loginTokens.write" })
  .inputSchema(createLoginTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const issued = await createLoginToken({ ...parsedInput, assistanceOverride: can(ctx.staff, "impersonation.override") }, ctx.by);
    revalidatePath(LOGIN_TOKENS_PATH);
    // What the dialog shows beside the link: whom it is for, until when, how often, where it lands.
    return {
      id: issued.id,
      loginUrl: issued.loginUrl,
      user: issued.user,
      expiresAt: issued.expiresAt,
      oneTimeUse: issued.oneTimeUse,
      redirectPath: parsedInput.redirectPath,
    };
  });

export const updateLoginTokenAction = staffAction
  .metadata({ name: "loginTokens.update", permission: "loginTokens.write" })
  .inputSchema(updateLoginTokenSchema)
  .action(async ({ parsedInput: { id, expectedUpdatedAt, ...changes }, ctx }) => {
    const saved = await updateLoginToken(id, expectedUpdatedAt, changes, ctx.by);
    // The answer carries the saved row, not the page: the table shows it at once, and the dialog
    // closes without waiting for the page (its details, its activity) to be rendered again.
    return { ...saved, row: await findLoginTokenRow(id) };
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
  .inputSchema(searchTokenUsersSchema)
  .action(async ({ parsedInput }) => searchTokenUsers(parsedInput.query));

/** The Ids filter's pasted values, as public ids: a token value never goes into the address bar. */
export const resolvePastedTokenIdsAction = staffAction
  .metadata({ name: "loginTokens.resolveIds", permission: "loginTokens.read" })
  .inputSchema(z.object({ ids: loginTokenFiltersSchema.shape.ids.unwrap() }))
  .action(async ({ parsedInput }) => resolvePastedTokenIds(parsedInput.ids));

export const tokenActivityAction = staffAction
  .metadata({ name: "loginTokens.activity", permission: "loginTokens.read" })
  .inputSchema(loginTokenIdSchema)
  .action(async ({ parsedInput }) => getTokenActivity(parsedInput.id));

export const endTokenSessionsAction = staffAction
  .metadata({ name: "loginTokens.endSessions", permission: "loginTokens.write" })
  .inputSchema(endTokenSessionsSchema)
  .action(async ({ parsedInput, ctx }) => ({ ended: await endTokenSessions(parsedInput.id, parsedInput.sessionId, ctx.by) }));
