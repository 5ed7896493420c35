"use client";

import { LoaderCircleIcon } from "lucide-react";
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
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

export function RevokeApiKeyButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function revoke(event: MouseEvent) {
    // Keep the dialog open until the server has answered, so a failure is seen where it happened.
    event.preventDefault();
    startTransition(async () => {
      const result = await revokeApiKeyAction({ id });
      if (result?.data) {
        setOpen(false);
        toast.success(`API key “${name}” revoked`, { description: "Requests with this key are now refused." });
        router.refresh();
      } else {
        toast.error("The key was not revoked", { description: result?.serverError?.message ?? "Please try again." });
      }
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="-my-1 text-destructive hover:bg-destructive-soft hover:text-destructive" aria-label={`Revoke API key ${name}`}>
          Revoke
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Revoke “{name}”?</AlertDialogTitle>
          <AlertDialogDescription>
            Every request with the key <code className="rounded bg-muted px-1 py-px font-mono text-xs text-foreground">{prefix}…</code> will be refused from
            now on. The system using it stops working until it gets a new key. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={revoke} disabled={pending}>
            {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
            Revoke key
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
