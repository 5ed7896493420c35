import type { ReactNode } from "react";

/** Floats over the table while rows are selected: how many, and what can be done with them. */
export function DataTableActionBar({ selected, noun, children }: { selected: number; noun: { one: string; many: string }; children: ReactNode }) {
  if (selected === 0) return null;
  return (
    <div
      role="toolbar"
      aria-label="Selected rows"
      className="sticky bottom-4 z-10 mx-auto mt-3 flex w-fit items-center gap-3 rounded-lg border bg-popover py-1.5 pr-1.5 pl-3 text-sm shadow-lg"
    >
      <span className="font-medium tabular-nums" aria-live="polite">
        {selected} {selected === 1 ? noun.one : noun.many} selected
      </span>
      <span className="h-5 w-px bg-border" aria-hidden />
      {children}
    </div>
  );
}
