import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const alertVariants = cva(
  "relative grid w-full grid-cols-[0_1fr] items-start gap-y-0.5 rounded-lg border px-3 py-2.5 text-sm has-[>svg]:grid-cols-[1rem_1fr] has-[>svg]:gap-x-2.5 [&>svg]:size-4 [&>svg]:translate-y-0.5 [&>svg]:text-current",
  {
    variants: {
      variant: {
        default: "bg-background text-foreground",
        info: "border-primary/20 bg-primary-soft text-foreground [&>svg]:text-primary",
        warning: "border-warning/25 bg-warning-soft text-foreground [&>svg]:text-warning",
        destructive: "border-destructive/25 bg-destructive-soft text-destructive *:data-[slot=alert-description]:text-destructive/90",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

/**
 * A notice inside the page. It is not announced by itself: pass
 * `role="alert"` when it appears in answer to what the user just did (a
 * refused sign-in), so screen readers read it out.
 */
export function Alert({ className, variant, ...props }: ComponentProps<"div"> & VariantProps<typeof alertVariants>) {
  return <div data-slot="alert" className={cn(alertVariants({ variant }), className)} {...props} />;
}

export function AlertTitle({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="alert-title" className={cn("col-start-2 min-h-4 leading-5 font-medium", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return (
    <div data-slot="alert-description" className={cn("col-start-2 text-sm leading-5 text-muted-foreground [&_p]:leading-relaxed", className)} {...props} />
  );
}
