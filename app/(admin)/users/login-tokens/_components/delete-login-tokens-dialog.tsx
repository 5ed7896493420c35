"use client";

import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { ConfirmedActionButton } from "@/components/actions/confirmed-action-button";
import { toast } from "@/components/ui/sonner";
import { deleteLoginTokensAction } from "@/lib/login-tokens/actions";

const tokens = (count: number) => (count === 1 ? "1 login token" : `${count} login tokens`);

/** Asks before deleting the selected tokens, says how many will go, and reports what happened. */
export function DeleteLoginTokensDialog({ ids, onDeleted }: { ids: string[]; onDeleted: () => void }) {
  const router = useRouter();

  return (
    <ConfirmedActionButton
      variant="destructive"
      icon={<Trash2Icon aria-hidden />}
      title={`Delete ${tokens(ids.length)}?`}
      description={`${ids.length === 1 ? "Its login link stops working" : "Their login links stop working"} at once, and ${ids.length === 1 ? "it leaves" : "they leave"} this list. The audit log keeps the record.`}
      confirmLabel={`Delete ${tokens(ids.length)}`}
      destructive
      run={() => deleteLoginTokensAction({ ids })}
      failed="Nothing was deleted"
      onDone={(done) => {
        onDeleted();
        toast.success(`${tokens(done.deleted)} deleted`, {
          description: done.deleted < ids.length ? "The others were already gone." : "Their login links no longer work.",
        });
        router.refresh();
      }}
    >
      Delete
    </ConfirmedActionButton>
  );
}
