"use client";

import { SearchXIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { FilterChip } from "@/components/data-table/data-table-filter-chips";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * What a filtered table shows when it has no rows: with filters on, which
 * ones to remove and a way to clear them all (`onClear` is given their ids);
 * with none, `children`, the table's own empty state.
 */
export function DataTableNoMatches<Id extends string>({
  noun,
  chips,
  onClear,
  children,
}: {
  noun: string;
  chips: FilterChip<Id>[];
  onClear: (ids: Id[]) => void;
  children: ReactNode;
}) {
  if (chips.length === 0) return children;
  return (
    <EmptyState
      icon={<SearchXIcon aria-hidden />}
      title={`No ${noun} match these filters`}
      description={`Remove one of these filters to see more: ${chips.map((chip) => chip.label).join("; ")}.`}
    >
      <Button variant="outline" onClick={() => onClear(chips.map((chip) => chip.id))}>
        Clear all filters
      </Button>
    </EmptyState>
  );
}
