"use server";

import { revalidatePath } from "next/cache";
import { rowIdAction } from "@/lib/actions/row-id-action";
import { staffAction } from "@/lib/actions/safe-action";
import type { AuditContext } from "@/lib/audit";
import { createPunchoutBuyer, deletePunchoutBuyer, disablePunchoutBuyer, enablePunchoutBuyer } from "@/lib/punchout/buyers";
import { createPunchoutBuyerSchema, punchoutBuyerIdSchema } from "@/lib/punchout/schemas";

const BUYERS_PATH = "/settings/punchout-buyers";

export const createPunchoutBuyerAction = staffAction
  .metadata({ name: "punchoutBuyers.create", permission: "punchoutBuyers.manage" })
  .inputSchema(createPunchoutBuyerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const issued = await createPunchoutBuyer(parsedInput, ctx.by);
    revalidatePath(BUYERS_PATH);
    return issued;
  });

/** Disable, enable and delete take a buyer's id and nothing else, under the same permission. */
const buyerLifecycleAction = (name: string, change: (id: string, by: AuditContext) => Promise<void>) =>
  rowIdAction({ name, permission: "punchoutBuyers.manage" }, punchoutBuyerIdSchema, change, BUYERS_PATH);

export const disablePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.disable", disablePunchoutBuyer);
export const enablePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.enable", enablePunchoutBuyer);
export const deletePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.delete", deletePunchoutBuyer);
