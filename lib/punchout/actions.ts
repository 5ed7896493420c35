"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { createPunchoutBuyer } from "@/lib/punchout/buyers";
import { createPunchoutBuyerSchema } from "@/lib/punchout/schemas";

export const createPunchoutBuyerAction = staffAction
  .metadata({ name: "punchoutBuyers.create", permission: "punchoutBuyers.manage" })
  .inputSchema(createPunchoutBuyerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const issued = await createPunchoutBuyer(parsedInput, ctx.by);
    revalidatePath("/settings/punchout-buyers");
    return issued;
  });
