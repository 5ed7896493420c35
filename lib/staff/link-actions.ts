"use server";

import type { z } from "zod";
import { linkAction } from "@/lib/actions/safe-action";
import { currentRequestMeta } from "@/lib/current-request-meta";
import type { RequestMeta } from "@/lib/request-meta";
import { setPasswordWithLink, setUpFirstAdministrator } from "@/lib/staff/password-links";
import { setPasswordSchema, setUpSchema } from "@/lib/staff/schemas";

/** A signed-out visitor's action whose link (in the input) is the authority; it is audited with the request it came in. */
const withLink = <Schema extends z.ZodType>(name: string, schema: Schema, run: (input: z.output<Schema>, meta: RequestMeta) => Promise<void>) =>
  linkAction
    .metadata({ name })
    .inputSchema(schema)
    .action(async ({ parsedInput }) => {
      await run(parsedInput as z.output<Schema>, await currentRequestMeta());
      return { done: true };
    });

export const setPasswordAction = withLink("staff.setPassword", setPasswordSchema, setPasswordWithLink);
export const setUpAction = withLink("staff.setUp", setUpSchema, setUpFirstAdministrator);
