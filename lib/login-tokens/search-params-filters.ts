import type { LoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromUrl, type LoginTokenFilters } from "@/lib/login-tokens/table-filters";

type FilterParams = Omit<LoginTokensSearchParams, "page" | "cursor" | "perPage" | "sort" | "token" | "tz"> & { tz?: string | null };

/** The table's URL filters as the filter contract the query and the API share. */
export function loginTokenFiltersFromSearchParams(params: FilterParams): LoginTokenFilters {
  return loginTokenFiltersFromUrl(params);
}
