"use client";

import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export interface FilterChip<Id extends string = string> {
  id: Id;
  /** e.g. "Failed attempts ≥ 3": what the filter is and its value. */
  label: string;
}

/** The active filters, each removable on its own, and a way to clear them all; `onClear` is given the ids to remove. */
export function DataTableFilterChips<Id extends string>({
  chips,
  onClear,
  className,
}: {
  chips: FilterChip<Id>[];
  onClear: (ids: Id[]) => void;
  className?: string;
}) {
  if (chips.length === 0) return null;
  return (
    <div role="group" aria-label="Active filters" className={cn("flex flex-wrap items-center gap-1.5", className)}>
      {chips.map((chip) => (
        <span key={chip.id} className="inline-flex h-7 items-center gap-1 rounded-md border bg-background pr-0.5 pl-2 text-xs font-medium shadow-xs">
          {chip.label}
          <button
            type="button"
            aria-label={`Remove filter ${chip.label}`}
            onClick={() => onClear([chip.id])}
            className="inline-flex size-5 items-center justify-center rounded text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/40"
          >
            <XIcon className="size-3.5" aria-hidden />
          </button>
        </span>
      ))}
      <Button variant="ghost" size="sm" onClick={() => onClear(chips.map((chip) => chip.id))}>
        Clear all
      </Button>
    </div>
  );
}
