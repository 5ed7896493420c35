"use client";

import type { ReactNode } from "react";
import { actionData, type ActionResult } from "@/components/actions/use-answered";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * A small button with an icon that asks before it runs a guarded action. A
 * refusal is told in an error toast headed `failed` and keeps the dialog
 * open; the action's data goes to `onDone`, which says what happened.
 */
export function ConfirmedActionButton<Data>({
  variant,
  icon,
  children,
  run,
  failed,
  onDone,
  ...ask
}: {
  variant: ButtonProps["variant"];
  icon: ReactNode;
  children: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: ReactNode;
  destructive?: boolean;
  run: () => Promise<ActionResult<Data>>;
  failed: string;
  onDone: (data: Data) => void;
}) {
  async function confirm() {
    const data = actionData(await run(), failed);
    if (!data) return false;
    onDone(data);
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant={variant} size="sm">
          {icon}
          {children}
        </Button>
      }
      {...ask}
      onConfirm={confirm}
    />
  );
}
