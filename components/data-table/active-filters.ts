import type { ParserMap } from "nuqs/server";
import type { FilterChip } from "@/components/data-table/data-table-filter-chips";
import { clearFilters, filterChips, type UrlFilter } from "@/lib/table-filters";

/**
 * The filters a table's URL has on, as chips, and the URL change that takes
 * some of them off (their parameters, and the time zone `tz` once no filter
 * left needs it) and goes back to `firstPage`. Spread it into the table's
 * `DataTableFilterChips` and `DataTableNoMatches`.
 */
export function activeFilters<F extends Record<string, UrlFilter<ParserMap, C>>, C, FirstPage extends object>(
  filters: F,
  context: C,
  { params, setParams }: { params: Record<string, unknown>; setParams: (change: NoInfer<FirstPage> & Record<string, null>) => unknown },
  firstPage: FirstPage,
): { chips: FilterChip<keyof F & string>[]; onClear: (ids: (keyof F & string)[]) => void } {
  const chips = filterChips(filters, params, context);
  return { chips, onClear: (ids) => void setParams({ ...firstPage, ...clearFilters(filters, ids, chips, "tz") }) };
}
