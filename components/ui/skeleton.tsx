import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A placeholder block; hidden from assistive technology, so give the loading region its own aria-busy or label. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
