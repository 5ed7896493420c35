import type { LoginTokenFilters } from "@/lib/login-tokens/filters";
import type { LoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { dayRange } from "@/lib/url-parsers";

type FilterParams = Omit<LoginTokensSearchParams, "page" | "cursor" | "perPage" | "sort" | "token" | "tz"> & { tz?: string | null };

const STATUS = { active: "ACTIVE", expired: "EXPIRED", used: "USED", locked: "LOCKED" } as const;

/** The table's URL filters as the filter contract the query and the API share. */
export function loginTokenFiltersFromSearchParams(params: FilterParams): LoginTokenFilters {
  const timeZone = params.tz ?? null;
  return {
    ids: params.ids ?? [],
    user: params.user,
    userType: null,
    expiresAt: dayRange(params.expiresFrom, params.expiresTo, timeZone),
    createdAt: dayRange(params.createdFrom, params.createdTo, timeZone),
    updatedAt: dayRange(params.updatedFrom, params.updatedTo, timeZone),
    successfulAttempts: params.successful,
    failedAttempts: params.failed,
    oneTimeUse: params.oneTimeUse === null ? null : params.oneTimeUse === "yes",
    status: params.status ? STATUS[params.status] : null,
  };
}
