"use server";

import { pageChangeAction, rowIdAction } from "@/lib/actions/guarded-action";
import type { AuditContext } from "@/lib/audit";
import { createPunchoutBuyer, deletePunchoutBuyer, disablePunchoutBuyer, enablePunchoutBuyer } from "@/lib/punchout/buyers";
import { createPunchoutBuyerSchema, punchoutBuyerIdSchema } from "@/lib/punchout/schemas";

const BUYERS_PATH = "/settings/punchout-buyers";

export const createPunchoutBuyerAction = pageChangeAction(
  { name: "punchoutBuyers.create", permission: "punchoutBuyers.manage" },
  createPunchoutBuyerSchema,
  BUYERS_PATH,
  (input, { by }) => createPunchoutBuyer(input, by),
);

/** Disable, enable and delete take a buyer's id and nothing else, under the same permission. */
const buyerLifecycleAction = (name: string, change: (id: string, by: AuditContext) => Promise<void>) =>
  rowIdAction({ name, permission: "punchoutBuyers.manage" }, punchoutBuyerIdSchema, change, BUYERS_PATH);

export const disablePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.disable", disablePunchoutBuyer);
export const enablePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.enable", enablePunchoutBuyer);
export const deletePunchoutBuyerAction = buyerLifecycleAction("punchoutBuyers.delete", deletePunchoutBuyer);
