"use client";

import { LoaderCircleIcon, RefreshCwIcon } from "lucide-react";
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
import { rotateLoginTokenAction } from "@/lib/login-tokens/actions";

/**
 * Gives the token a new value after a confirmation, for when a link went
 * where it should not have: the old link stops at once, the counters stay.
 */
export function LoginTokenRotateButton({ id, onRotated }: { id: string; onRotated: (secret: { value: string; loginUrl: string }) => void }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function rotate(event: MouseEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await rotateLoginTokenAction({ id });
      if (result?.data) {
        setOpen(false);
        onRotated(result.data);
        toast.success("Token rotated", { description: "The old link no longer works. Send the new one." });
      } else {
        toast.error("The token was not rotated", { description: result?.serverError?.message ?? "Please try again." });
      }
    });
  }

  return (
    <AlertDialog open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm">
          <RefreshCwIcon aria-hidden />
          Rotate
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Rotate this token?</AlertDialogTitle>
          <AlertDialogDescription>
            The token gets a new value and a new login link. The current link stops working at once, for anyone who has it; its counters and settings stay.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={rotate} disabled={pending}>
            {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
            Rotate token
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
