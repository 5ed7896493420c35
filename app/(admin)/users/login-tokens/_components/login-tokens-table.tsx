"use client";

import { useTable, type RowSelectionState, type SortingState, type Updater } from "@tanstack/react-table";
import { FilterIcon, SearchXIcon } from "lucide-react";
import { use, useId, useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableActionBar } from "@/components/data-table/data-table-action-bar";
import { activeFilters } from "@/components/data-table/active-filters";
import { DataTableColumnsMenu, useStoredColumnVisibility } from "@/components/data-table/data-table-columns-menu";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import { DataTableFilterChips } from "@/components/data-table/data-table-filter-chips";
import { DataTableNoMatches } from "@/components/data-table/data-table-no-matches";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DeleteLoginTokensDialog } from "@/app/(admin)/users/login-tokens/_components/delete-login-tokens-dialog";
import { LoginTokensFiltersPanel } from "@/app/(admin)/users/login-tokens/_components/login-tokens-filters-panel";
import { useRowsWithSaved } from "@/app/(admin)/users/login-tokens/_components/login-token-saved-rows";
import { loginTokensTableColumns } from "@/app/(admin)/users/login-tokens/_components/login-tokens-table-columns";
import { userDetailsLabel, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { useTableSearchParams } from "@/components/data-table/use-table-search-params";
import { LOGIN_TOKEN_SORTS, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import type { LoginTokenPage } from "@/lib/login-tokens/list-types";
import { FIRST_PAGE, loginTokensSearchParams, PAGE_SIZES } from "@/lib/login-tokens/search-params";
import { LOGIN_TOKEN_FILTERS, type FilterOption, type LoginTokenFilterContext } from "@/lib/login-tokens/table-filters";
import { cn } from "@/lib/utils";

const NOUN = { one: "token", many: "tokens" };

const isSortKey = (id: string): id is LoginTokenSortKey => Object.hasOwn(LOGIN_TOKEN_SORTS, id);

/**
 * The Login Tokens table: the page the server found for the URL, and the
 * controls that change the URL (filters, sort, page). Selection belongs to
 * the rows on screen, so a new page starts with nothing selected.
 */
export function LoginTokensTable({
  pagePromise,
  filterUserPromise,
  punchoutBuyersPromise,
  canWrite,
}: {
  pagePromise: Promise<LoginTokenPage>;
  filterUserPromise: Promise<PickedUser | null>;
  punchoutBuyersPromise: Promise<FilterOption[]>;
  canWrite: boolean;
}) {
  const { rows: pageRows, total, totalIsCapped, page, links } = use(pagePromise);
  const rows = useRowsWithSaved(pageRows);
  const filterUser = use(filterUserPromise);
  const punchoutBuyers = use(punchoutBuyersPromise);
  const search = useTableSearchParams(loginTokensSearchParams);
  const { params, setParams, isPending } = search;
  const filterContext: LoginTokenFilterContext = { user: filterUser, userDetails: filterUser && userDetailsLabel(filterUser), punchoutBuyers };
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();

  // Selection is kept together with the rows it was made on: when the rows change, it is empty.
  const [selection, setSelection] = useState<{ rows: LoginTokenPage["rows"]; ids: RowSelectionState }>({ rows, ids: {} });
  const rowSelection = selection.rows === rows ? selection.ids : {};
  const onRowSelectionChange = (updater: Updater<RowSelectionState>) =>
    setSelection({ rows, ids: typeof updater === "function" ? updater(rowSelection) : updater });

  const sorting = useMemo<SortingState>(() => [{ id: params.sort.key, desc: params.sort.direction === "desc" }], [params.sort]);
  function onSortingChange(updater: Updater<SortingState>) {
    const [next] = typeof updater === "function" ? updater(sorting) : updater;
    if (next && isSortKey(next.id)) void setParams({ sort: { key: next.id, direction: next.desc ? "desc" : "asc" }, ...FIRST_PAGE });
  }

  const columns = useMemo(() => loginTokensTableColumns(canWrite), [canWrite]);
  const [columnVisibility, onColumnVisibilityChange] = useStoredColumnVisibility("latchkey.login-tokens.columns");
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: total,
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // A first click sorts ascending, as the header's label says, whatever the column holds.
    sortDescFirst: false,
    enableRowSelection: canWrite,
    state: { sorting, rowSelection, columnVisibility, pagination: { pageIndex: page - 1, pageSize: params.perPage } },
    onSortingChange,
    onRowSelectionChange,
    onColumnVisibilityChange,
  });

  const filters = activeFilters(LOGIN_TOKEN_FILTERS, filterContext, search, FIRST_PAGE);
  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  const empty = (
    <DataTableNoMatches noun="tokens" {...filters}>
      <NoLoginTokens pastTheEnd={page > 1} onFirstPage={() => void setParams(FIRST_PAGE)} />
    </DataTableNoMatches>
  );

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Button variant="outline" aria-expanded={filtersOpen} aria-controls={panelId} onClick={() => setFiltersOpen((open) => !open)}>
          <FilterIcon aria-hidden />
          Filters
          {filters.chips.length > 0 && (
            <Badge variant="default" className="ml-0.5 tabular-nums">
              {filters.chips.length}
              <span className="sr-only"> active</span>
            </Badge>
          )}
        </Button>
        <DataTableFilterChips {...filters} />
        <div className="ml-auto">
          <DataTableColumnsMenu table={table} />
        </div>
      </div>
      {filtersOpen && (
        <LoginTokensFiltersPanel id={panelId} params={params} setParams={setParams} context={filterContext} onDone={() => setFiltersOpen(false)} />
      )}

      <div aria-busy={isPending} className={cn("overflow-hidden rounded-lg border bg-card transition-opacity", isPending && "opacity-60")}>
        <DataTable table={table} label="Login tokens" empty={empty} fixedLayout onRowClick={(row) => void setParams({ token: row.original.id })} />
      </div>
      <DataTablePagination
        page={page}
        perPage={params.perPage}
        pageSizes={PAGE_SIZES}
        total={total}
        totalIsCapped={totalIsCapped}
        noun={NOUN}
        links={links}
        onNavigate={(link) => void setParams(link)}
        onPerPageChange={(perPage) => void setParams({ perPage, ...FIRST_PAGE })}
      />
      {canWrite && (
        <DataTableActionBar selected={selectedIds.length} noun={NOUN}>
          <Button variant="ghost" size="sm" onClick={() => onRowSelectionChange({})}>
            Clear selection
          </Button>
          <DeleteLoginTokensDialog ids={selectedIds} onDeleted={() => onRowSelectionChange({})} />
        </DataTableActionBar>
      )}
    </div>
  );
}

/** The table with no filter on and no rows: a page past the last one, or no token at all. */
function NoLoginTokens({ pastTheEnd, onFirstPage }: { pastTheEnd: boolean; onFirstPage: () => void }) {
  if (pastTheEnd)
    return (
      <EmptyState icon={<SearchXIcon aria-hidden />} title="This page is past the end" description="There are fewer tokens than this page number needs.">
        <Button variant="outline" onClick={onFirstPage}>
          Go to the first page
        </Button>
      </EmptyState>
    );
  return (
    <EmptyState icon={<SearchXIcon aria-hidden />} title="No login tokens yet" description="Tokens created here or through the API are listed on this page." />
  );
}
