import { LoaderCircleIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** A button that waits while its work is under way: a spinner takes the place of its icon, and it cannot be pressed again. */
export function PendingButton({ pending, icon, disabled, children, ...props }: ButtonProps & { pending: boolean; icon?: ReactNode }) {
  return (
    <Button disabled={pending || disabled} {...props}>
      {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : icon}
      {children}
    </Button>
  );
}
