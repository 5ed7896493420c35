"use client";

import type { ReactNode } from "react";
import { useAnswered, type ActionResult } from "@/components/actions/use-answered";
import { RowActionButton } from "@/components/data-table/row-action-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * A row's action that asks first: a button named for the row ("Disable
 * Acme"), a dialog titled `title`, then a toast of how it went and a fresh
 * page. A refusal keeps the dialog open.
 */
export function ConfirmedRowAction({
  verb,
  row,
  title,
  description,
  confirmLabel = verb,
  destructive = false,
  run,
  done,
  failed,
}: {
  verb: string;
  /** The row's name, for the button's accessible name. */
  row: string;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  destructive?: boolean;
  run: () => Promise<ActionResult>;
  done: string;
  failed: string;
}) {
  const answered = useAnswered();
  return (
    <ConfirmDialog
      trigger={
        <RowActionButton destructive={destructive} aria-label={`${verb} ${row}`}>
          {verb}
        </RowActionButton>
      }
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      destructive={destructive}
      onConfirm={async () => answered(await run(), done, failed)}
    />
  );
}
