import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { CreateButtonVariant } from "@/app/(admin)/settings/_components/settings-create-dialog";

/**
 * A settings page that lists what it manages: the heading with the page's
 * create dialog, then the table in a card or, while there is nothing to list,
 * an empty state that offers the same dialog.
 */
export function SettingsListPage({
  title,
  description,
  create,
  empty,
  emptyState,
  footnote,
  children,
}: {
  title: string;
  description: ReactNode;
  /** The page's create dialog, its button drawn as `variant`. */
  create: (variant: CreateButtonVariant) => ReactNode;
  /** Nothing to list yet: the card shows `emptyState` instead of the table (`children`) and its footnote. */
  empty: boolean;
  emptyState: { icon: ReactNode; title: string; description: string };
  /** A line under the table. */
  footnote?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={create("default")} />
      <div className="overflow-hidden rounded-lg border bg-card">
        {empty ? (
          <EmptyState icon={emptyState.icon} title={emptyState.title} description={emptyState.description}>
            {create("outline")}
          </EmptyState>
        ) : (
          children
        )}
      </div>
      {!empty && footnote && <p className="mt-2.5 text-xs text-muted-foreground">{footnote}</p>}
    </>
  );
}
