import { cn } from "@/lib/utils";

/** A quieter text in a cell, such as the "—" of a value the row does not have. */
export const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

/** A text cut at its column's width, whole on hover (or `full`, where the cell shows less); "—" where there is none. */
export function truncated(text: string | null, { full, className }: { full?: string; className?: string } = {}) {
  return text ? (
    <span className={cn("block truncate", className)} title={full ?? text}>
      {text}
    </span>
  ) : (
    muted("—")
  );
}
