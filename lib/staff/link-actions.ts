"use server";

import { linkAction } from "@/lib/actions/safe-action";
import { currentRequestMeta } from "@/lib/current-request-meta";
import { setPasswordWithLink, setUpFirstAdministrator } from "@/lib/staff/password-links";
import { setPasswordSchema, setUpSchema } from "@/lib/staff/schemas";

export const setPasswordAction = linkAction
  .metadata({ name: "staff.setPassword" })
  .inputSchema(setPasswordSchema)
  .action(async ({ parsedInput }) => {
    await setPasswordWithLink(parsedInput, await currentRequestMeta());
    return { done: true };
  });

export const setUpAction = linkAction
  .metadata({ name: "staff.setUp" })
  .inputSchema(setUpSchema)
  .action(async ({ parsedInput }) => {
    await setUpFirstAdministrator(parsedInput, await currentRequestMeta());
    return { done: true };
  });
