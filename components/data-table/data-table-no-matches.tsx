"use client";

import { SearchXIcon } from "lucide-react";
import type { FilterChip } from "@/components/data-table/data-table-filter-chips";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a filtered table shows when nothing matches: which filters to remove, and a way to clear them all. */
export function DataTableNoMatches({ noun, chips, onClearAll }: { noun: string; chips: FilterChip[]; onClearAll: () => void }) {
  return (
    <EmptyState
      icon={<SearchXIcon aria-hidden />}
      title={`No ${noun} match these filters`}
      description={`Remove one of these filters to see more: ${chips.map((chip) => chip.label).join("; ")}.`}
    >
      <Button variant="outline" onClick={onClearAll}>
        Clear all filters
      </Button>
    </EmptyState>
  );
}
