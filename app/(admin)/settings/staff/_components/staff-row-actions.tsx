"use client";

import { useState } from "react";
import { ShownOnceLink } from "@/app/(admin)/settings/staff/_components/shown-once-link";
import { StaffFormDialog } from "@/app/(admin)/settings/staff/_components/staff-form-dialog";
import { ConfirmedRowAction } from "@/components/actions/confirmed-row-action";
import { useAnswered } from "@/components/actions/use-answered";
import { RowActionButton } from "@/components/data-table/row-action-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { deactivateStaffAction, reactivateStaffAction, resetStaffPasswordAction } from "@/lib/staff/actions";
import type { StaffRow } from "@/lib/staff/queries";

/** Edit, reset password, deactivate or reactivate one staff member. */
export function StaffRowActions({ staff }: { staff: StaffRow }) {
  const answered = useAnswered();
  const [link, setLink] = useState<string | null>(null);

  async function reset() {
    const result = await resetStaffPasswordAction({ id: staff.id });
    if (!answered(result, `${staff.name}'s password was reset`, "The password was not reset")) return false;
    setLink(result!.data!.link);
    return true;
  }

  return (
    // On a phone the buttons stack, so that the actions column stays narrow enough to keep in view.
    <div className="flex flex-col items-end gap-3 md:flex-row md:justify-end md:gap-1">
      <StaffFormDialog staff={staff} trigger={<RowActionButton aria-label={`Edit ${staff.name}`}>Edit</RowActionButton>} />
      {staff.status !== "deactivated" && (
        <ConfirmDialog
          trigger={<RowActionButton aria-label={`Reset password of ${staff.name}`}>Reset password</RowActionButton>}
          title={`Reset ${staff.name}'s password?`}
          description="Their password stops working now and every session of theirs ends. You get a new set-password link to send them."
          confirmLabel="Reset password"
          onConfirm={reset}
        />
      )}
      {staff.status === "deactivated" ? (
        <ConfirmedRowAction
          verb="Reactivate"
          row={staff.name}
          title={`Reactivate ${staff.name}?`}
          description="They can sign in again with their password."
          run={() => reactivateStaffAction({ id: staff.id })}
          done={`${staff.name} reactivated`}
          failed="Not reactivated"
        />
      ) : (
        <ConfirmedRowAction
          verb="Deactivate"
          row={staff.name}
          title={`Deactivate ${staff.name}?`}
          description="Every session of theirs ends at once and they cannot sign in until reactivated. API keys they created keep working: they belong to the installation."
          destructive
          run={() => deactivateStaffAction({ id: staff.id })}
          done={`${staff.name} deactivated`}
          failed="Not deactivated"
        />
      )}
      <Dialog open={link !== null} onOpenChange={(open) => !open && setLink(null)}>
        <DialogContent className="sm:max-w-lg" onInteractOutside={(event) => event.preventDefault()}>
          <DialogHeader>
            <DialogTitle>Send the new set-password link</DialogTitle>
            <DialogDescription>{staff.name} chooses a new password with this link.</DialogDescription>
          </DialogHeader>
          {link && <ShownOnceLink link={link} />}
          <DialogFooter>
            <Button onClick={() => setLink(null)}>Done</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
