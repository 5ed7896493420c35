"use client";

import type { ColumnVisibilityState, ReactTable, RowData, Updater } from "@tanstack/react-table";
import { Columns3Icon } from "lucide-react";
import { useMemo, useSyncExternalStore } from "react";
import { YIELD_QUERIES, type ColumnYield, type DataTableFeatures } from "@/components/data-table/data-table-features";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

const CHANGED = "latchkey:column-visibility";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/**
 * Which columns a table shows, kept in this browser (localStorage under
 * `key`), so a staff member's choice outlasts the page. Every column shows
 * until someone hides it; the server render shows them all.
 */
export function useStoredColumnVisibility(key: string) {
  const stored = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const visibility = useMemo<ColumnVisibilityState>(() => {
    try {
      const parsed: unknown = stored ? JSON.parse(stored) : {};
      return parsed && typeof parsed === "object" ? (parsed as ColumnVisibilityState) : {};
    } catch {
      return {};
    }
  }, [stored]);
  function setVisibility(updater: Updater<ColumnVisibilityState>) {
    const next = typeof updater === "function" ? updater(visibility) : updater;
    window.localStorage.setItem(key, JSON.stringify(next));
    window.dispatchEvent(new Event(CHANGED));
  }
  return [visibility, setVisibility] as const;
}

function subscribeToWidth(onChange: () => void) {
  window.addEventListener("resize", onChange);
  return () => window.removeEventListener("resize", onChange);
}

/** Whether the screen is wide enough for each column that gives way on narrower ones; all of them on the server. */
function useWideEnough(): (width: ColumnYield) => boolean {
  const wide = useSyncExternalStore(
    subscribeToWidth,
    () =>
      Object.entries(YIELD_QUERIES)
        .filter(([, query]) => window.matchMedia(query).matches)
        .map(([width]) => width)
        .join(),
    () => Object.keys(YIELD_QUERIES).join(),
  );
  return (width) => wide.split(",").includes(width);
}

/**
 * "Columns": shows or hides each column that may be hidden, by its name in
 * words. A column that gives way on this screen shows unchecked until it is
 * checked on purpose.
 */
export function DataTableColumnsMenu<TData extends RowData>({ table }: { table: ReactTable<DataTableFeatures, TData, unknown> }) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const wideEnough = useWideEnough();
  const visibility = table.store.state.columnVisibility ?? {};
  const shown = (column: (typeof columns)[number]) => {
    const yieldsBelow = column.columnDef.meta?.yieldsBelow;
    return column.getIsVisible() && (!yieldsBelow || visibility[column.id] === true || wideEnough(yieldsBelow));
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline">
          <Columns3Icon aria-hidden />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-48">
        <DropdownMenuLabel>Show columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={shown(column)}
            // Stays open, so that several columns can be changed at once.
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(checked) => column.toggleVisibility(checked === true)}
          >
            {column.columnDef.meta?.label ?? column.id}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
