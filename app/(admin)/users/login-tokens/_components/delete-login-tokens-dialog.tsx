"use client";

import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { deleteLoginTokensAction } from "@/lib/login-tokens/actions";

const tokens = (count: number) => (count === 1 ? "1 login token" : `${count} login tokens`);

/** Asks before deleting the selected tokens, says how many will go, and reports what happened. */
export function DeleteLoginTokensDialog({ ids, onDeleted }: { ids: string[]; onDeleted: () => void }) {
  const router = useRouter();

  async function remove() {
    const done = actionData(await deleteLoginTokensAction({ ids }), "Nothing was deleted");
    if (!done) return false;
    onDeleted();
    toast.success(`${tokens(done.deleted)} deleted`, {
      description: done.deleted < ids.length ? "The others were already gone." : "Their login links no longer work.",
    });
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="destructive" size="sm">
          <Trash2Icon aria-hidden />
          Delete
        </Button>
      }
      title={`Delete ${tokens(ids.length)}?`}
      description={`${ids.length === 1 ? "Its login link stops working" : "Their login links stop working"} at once, and ${ids.length === 1 ? "it leaves" : "they leave"} this list. The audit log keeps the record.`}
      confirmLabel={`Delete ${tokens(ids.length)}`}
      destructive
      onConfirm={remove}
    />
  );
}
