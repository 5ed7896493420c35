import "server-only";
import { db } from "@/lib/db";
import type { FilterOption } from "@/lib/login-tokens/table-filters";
import { SETTINGS_LIST_LIMIT } from "@/lib/settings-lists";

/** The choices of the Punch-out buyer filter, and the names its chip shows. */
export function listPunchoutBuyerOptions(): Promise<FilterOption[]> {
  return db.punchoutBuyer.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SETTINGS_LIST_LIMIT,
    where: { deletedAt: null },
    select: { id: true, name: true },
  });
}
