import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A centred icon, title, explanation and actions: empty tables, 403 and 404 pages. */
export function EmptyState({
  icon,
  title,
  description,
  children,
  className,
  headingLevel = 2,
  ...props
}: Omit<ComponentProps<"div">, "title"> & { icon?: ReactNode; title: ReactNode; description?: ReactNode; headingLevel?: 1 | 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div data-slot="empty-state" className={cn("mx-auto flex max-w-md flex-col items-center px-4 py-10 text-center", className)} {...props}>
      {icon && (
        <div className="mb-4 flex size-10 items-center justify-center rounded-lg border bg-background text-muted-foreground shadow-xs [&_svg]:size-5">
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold text-foreground">{title}</Heading>
      {description && <div className="mt-1.5 text-sm text-balance text-muted-foreground">{description}</div>}
      {children && <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{children}</div>}
    </div>
  );
}
