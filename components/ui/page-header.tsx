import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/** The top of a page: its one h1, a line saying what the page is for, and the page's main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  className,
  ...props
}: Omit<ComponentProps<"header">, "title"> & { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header data-slot="page-header" className={cn("mb-5 flex flex-wrap items-start justify-between gap-x-6 gap-y-3", className)} {...props}>
      <div className="min-w-0">
        <h1 className="text-lg leading-7 font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-0.5 text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </header>
  );
}
