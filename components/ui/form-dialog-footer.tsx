import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { PendingButton } from "@/components/ui/pending-button";

/** A dialog form's Cancel and submit buttons; both wait while the form is being sent. */
export function FormDialogFooter({ submitLabel, pending, onCancel }: { submitLabel: ReactNode; pending: boolean; onCancel: () => void }) {
  return (
    <DialogFooter>
      <Button variant="outline" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <PendingButton type="submit" pending={pending}>
        {submitLabel}
      </PendingButton>
    </DialogFooter>
  );
}
