import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { PendingButton } from "@/components/ui/pending-button";

/** A dialog form's Cancel, which closes the dialog, and its submit button; both wait while the form is being sent. */
export function FormDialogFooter({ submitLabel, pending }: { submitLabel: ReactNode; pending: boolean }) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="outline" disabled={pending}>
          Cancel
        </Button>
      </DialogClose>
      <PendingButton type="submit" pending={pending}>
        {submitLabel}
      </PendingButton>
    </DialogFooter>
  );
}
