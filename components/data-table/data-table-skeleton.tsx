import { Skeleton } from "@/components/ui/skeleton";

/** Stands in for a table while its page loads: the same frame, so nothing jumps when the rows arrive. */
export function DataTableSkeleton({ columns, rows = 10, label }: { columns: number; rows?: number; label: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="overflow-hidden rounded-lg border bg-card">
      <div className="flex h-9 items-center gap-6 border-b bg-muted/60 px-3">
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="h-3 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex h-9 items-center gap-6 border-b px-3 last:border-0">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className="h-3.5 flex-1" />
          ))}
        </div>
      ))}
    </div>
  );
}
