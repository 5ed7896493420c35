import type { DateRange, LoginTokenFilters } from "@/lib/login-tokens/filters";
import type { LoginTokensSearchParams } from "@/lib/login-tokens/search-params";

type FilterParams = Omit<LoginTokensSearchParams, "page" | "perPage" | "sort" | "token">;

/**
 * The URL names days (read as UTC midnights); a range includes its last day,
 * so the query's exclusive end is the midnight after it.
 */
function dayRange(from: Date | null, to: Date | null): DateRange {
  return { ...(from ? { from } : {}), ...(to ? { to: new Date(to.getTime() + 86_400_000) } : {}) };
}

const STATUS = { active: "ACTIVE", expired: "EXPIRED", used: "USED", locked: "LOCKED" } as const;

/** The table's URL filters as the filter contract the query and the API share. */
export function loginTokenFiltersFromSearchParams(params: FilterParams): LoginTokenFilters {
  return {
    ids: params.ids ?? [],
    user: params.user,
    userType: null,
    expiresAt: dayRange(params.expiresFrom, params.expiresTo),
    createdAt: dayRange(params.createdFrom, params.createdTo),
    updatedAt: dayRange(params.updatedFrom, params.updatedTo),
    successfulAttempts: params.successful,
    failedAttempts: params.failed,
    oneTimeUse: params.oneTimeUse === null ? null : params.oneTimeUse === "yes",
    status: params.status ? STATUS[params.status] : null,
  };
}
