import "server-only";
import { db } from "@/lib/db";
import type { FilterOption } from "@/lib/login-tokens/table-filters";
import { PUNCHOUT_BUYER_LIST_LIMIT } from "@/lib/punchout/buyers";

/** The choices of the Punch-out buyer filter, and the names its chip shows. */
export function listPunchoutBuyerOptions(): Promise<FilterOption[]> {
  return db.punchoutBuyer.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PUNCHOUT_BUYER_LIST_LIMIT,
    where: { deletedAt: null },
    select: { id: true, name: true },
  });
}
