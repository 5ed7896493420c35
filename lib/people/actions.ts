"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { can } from "@/lib/auth/permissions";
import { logInAs } from "@/lib/people/log-in-as";
import { logInAsSchema } from "@/lib/people/log-in-as-schema";

export const logInAsAction = staffAction
  .metadata({ name: "people.logInAs", permission: "loginTokens.write" })
  .inputSchema(logInAsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await logInAs(parsedInput, ctx.by, can(ctx.staff, "impersonation.override"));
    revalidatePath(parsedInput.user.type === "CONTACT" ? "/users/contacts" : "/users/customers");
    return result;
  });
