import { describe, expect, it } from "vitest";
import { activeFilters } from "@/components/data-table/active-filters";
import { FIRST_PAGE, loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { LOGIN_TOKEN_FILTERS, type LoginTokenFilterContext } from "@/lib/login-tokens/table-filters";

const NO_CONTEXT: LoginTokenFilterContext = { user: null, userDetails: null, punchoutBuyers: [] };

function filtersOf(query: string) {
  const changes: Record<string, unknown>[] = [];
  const params = loadLoginTokensSearchParams(new URLSearchParams(query));
  const filters = activeFilters(LOGIN_TOKEN_FILTERS, NO_CONTEXT, { params, setParams: (change) => changes.push(change) }, FIRST_PAGE);
  return { ...filters, changes };
}

describe("a table's active filters", () => {
  it("are its chips, in the order the filters are declared", () => {
    const { chips } = filtersOf("maxUses=once&createdFrom=2026-06-01&tz=Europe/Amsterdam");
    expect(chips.map((chip) => chip.id)).toEqual(["createdAt", "maxUses"]);
  });

  it("take a chip off with its own parameters and go back to the first page, keeping the time zone another date filter needs", () => {
    const { onClear, changes } = filtersOf("createdFrom=2026-06-01&expiresTo=2026-07-01&maxUses=once&tz=Europe/Amsterdam&page=3");
    onClear(["createdAt"]);
    expect(changes).toEqual([{ page: 1, cursor: null, createdFrom: null, createdTo: null }]);
  });

  it("take the time zone off with the last date filter", () => {
    const { onClear, changes } = filtersOf("createdFrom=2026-06-01&expiresTo=2026-07-01&maxUses=once&tz=Europe/Amsterdam");
    onClear(["createdAt", "expiresAt"]);
    expect(changes).toEqual([{ page: 1, cursor: null, createdFrom: null, createdTo: null, expiresFrom: null, expiresTo: null, tz: null }]);
  });
});
