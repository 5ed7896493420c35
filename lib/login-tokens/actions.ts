"use server";

import { z } from "zod";
import { guardedAction, pageChangeAction } from "@/lib/actions/guarded-action";
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

export const createLoginTokenAction = pageChangeAction(
  { name: "loginTokens.create", permission: "loginTokens.write" },
  createLoginTokenSchema,
  LOGIN_TOKENS_PATH,
  async (input, { staff, by }) => {
    const issued = await createLoginToken({ ...input, assistanceOverride: can(staff, "impersonation.override") }, by);
    // What the dialog shows beside the link: whom it is for, until when, how often, where it lands.
    return {
      id: issued.id,
      loginUrl: issued.loginUrl,
      user: issued.user,
      expiresAt: issued.expiresAt,
      oneTimeUse: issued.oneTimeUse,
      redirectPath: input.redirectPath,
    };
  },
);

export const updateLoginTokenAction = guardedAction(
  { name: "loginTokens.update", permission: "loginTokens.write" },
  updateLoginTokenSchema,
  async ({ id, expectedUpdatedAt, ...changes }, { by }) => {
    const saved = await updateLoginToken(id, expectedUpdatedAt, changes, by);
    // The answer carries the saved row, not the page: the table shows it at once, and the dialog
    // closes without waiting for the page (its details, its activity) to be rendered again.
    return { ...saved, row: await findLoginTokenRow(id) };
  },
);

export const deleteLoginTokensAction = pageChangeAction(
  { name: "loginTokens.delete", permission: "loginTokens.write" },
  deleteLoginTokensSchema,
  LOGIN_TOKENS_PATH,
  async ({ ids }, { by }) => ({ deleted: await deleteLoginTokens(ids, by) }),
);

export const revealLoginTokenAction = guardedAction({ name: "loginTokens.reveal", permission: "loginTokens.reveal" }, loginTokenIdSchema, ({ id }, { by }) =>
  revealLoginToken(id, by),
);

export const rotateLoginTokenAction = pageChangeAction(
  { name: "loginTokens.rotate", permission: "loginTokens.reveal" },
  loginTokenIdSchema,
  LOGIN_TOKENS_PATH,
  ({ id }, { by }) => rotateLoginToken(id, by),
);

export const unlockLoginTokenAction = pageChangeAction(
  { name: "loginTokens.unlock", permission: "loginTokens.write" },
  loginTokenIdSchema,
  LOGIN_TOKENS_PATH,
  async ({ id }, { by }) => {
    await unlockLoginToken(id, by);
    return { unlocked: true };
  },
);

const READ = "loginTokens.read";

export const searchTokenUsersAction = guardedAction({ name: "loginTokens.searchUsers", permission: READ }, searchTokenUsersSchema, ({ query }) =>
  searchTokenUsers(query),
);

/** The Ids filter's pasted values, as public ids: a token value never goes into the address bar. */
export const resolvePastedTokenIdsAction = guardedAction(
  { name: "loginTokens.resolveIds", permission: READ },
  z.object({ ids: loginTokenFiltersSchema.shape.ids.unwrap() }),
  ({ ids }) => resolvePastedTokenIds(ids),
);

export const tokenActivityAction = guardedAction({ name: "loginTokens.activity", permission: READ }, loginTokenIdSchema, ({ id }) => getTokenActivity(id));

export const endTokenSessionsAction = guardedAction(
  { name: "loginTokens.endSessions", permission: "loginTokens.write" },
  endTokenSessionsSchema,
  async ({ id, sessionId }, { by }) => ({ ended: await endTokenSessions(id, sessionId, by) }),
);
