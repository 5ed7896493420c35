"use client";

import { LoaderCircleIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type MouseEvent } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { deleteLoginTokensAction } from "@/lib/login-tokens/actions";

const tokens = (count: number) => (count === 1 ? "1 login token" : `${count} login tokens`);

/** Asks before deleting the selected tokens, says how many will go, and reports what happened. */
export function DeleteLoginTokensDialog({ ids, onDeleted }: { ids: string[]; onDeleted: () => void }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function remove(event: MouseEvent) {
    // Keep the dialog open until the server has answered, so a failure is seen where it happened.
    event.preventDefault();
    startTransition(async () => {
      const result = await deleteLoginTokensAction({ ids });
      if (result?.data) {
        setOpen(false);
        onDeleted();
        toast.success(`${tokens(result.data.deleted)} deleted`, {
          description: result.data.deleted < ids.length ? "The others were already gone." : "Their login links no longer work.",
        });
        router.refresh();
      } else {
        toast.error("Nothing was deleted", { description: result?.serverError?.message ?? "Please try again." });
      }
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive" size="sm">
          <Trash2Icon aria-hidden />
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {tokens(ids.length)}?</AlertDialogTitle>
          <AlertDialogDescription>
            {ids.length === 1 ? "Its login link stops working" : "Their login links stop working"} at once, and {ids.length === 1 ? "it leaves" : "they leave"} this list. The
            audit log keeps the record.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={remove} disabled={pending}>
            {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
            Delete {tokens(ids.length)}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
