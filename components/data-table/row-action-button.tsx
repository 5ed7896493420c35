import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * One action in a table row: a small quiet button that keeps the row's
 * height, red when it removes or stops something. Give it an `aria-label`
 * that names the row ("Delete Acme"), since every row has the same text.
 */
export function RowActionButton({ destructive = false, className, ...props }: Omit<ButtonProps, "variant" | "size"> & { destructive?: boolean }) {
  return (
    <Button
      variant="ghost"
      size="sm"
      className={cn("-my-1", destructive && "text-destructive hover:bg-destructive-soft hover:text-destructive", className)}
      {...props}
    />
  );
}
