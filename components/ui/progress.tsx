"use client";

import { Progress as ProgressPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A bar from 0 to `max`; name it with `aria-label` or `aria-labelledby`. */
export function Progress({ className, value, max = 100, ...props }: ComponentProps<typeof ProgressPrimitive.Root>) {
  const percent = value === null || value === undefined ? 0 : Math.min(100, (value / max) * 100);
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      max={max}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator className="h-full bg-primary transition-[width] duration-200" style={{ width: `${percent}%` }} />
    </ProgressPrimitive.Root>
  );
}
