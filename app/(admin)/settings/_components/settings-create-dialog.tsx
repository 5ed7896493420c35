"use client";

import { PlusIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ResultDialog } from "@/components/ui/dialog-steps";

/** How a create dialog's button is drawn: in the page's header, or outlined in the empty state that offers it too. */
export type CreateButtonVariant = "default" | "outline";

/**
 * A settings page's create dialog: the "+" button that opens it, then the
 * form, then what the form made (a secret), shown once.
 */
export function SettingsCreateDialog({
  label,
  variant = "default",
  state,
  className,
  children,
}: {
  label: string;
  variant?: CreateButtonVariant;
  state: ComponentProps<typeof ResultDialog>["state"];
  className?: string;
  children: ReactNode;
}) {
  return (
    <ResultDialog
      state={state}
      className={className}
      trigger={
        <Button variant={variant}>
          <PlusIcon aria-hidden />
          {label}
        </Button>
      }
    >
      {children}
    </ResultDialog>
  );
}
