"use client";

import { useState, type ReactNode } from "react";
import type { FieldValues, SubmitHandler, UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormRoot } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";

/** The open state of a `ResultDialog` and what its form made; closing forgets the result and calls `onClosed` (to reset the form). */
export function useResultDialog<T>(onClosed: () => void) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<T | null>(null);
  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setResult(null);
      onClosed();
    }
  }
  return { open, onOpenChange, result, setResult };
}

/**
 * A dialog whose form ends in something to copy or send, shown once: while
 * `state.result` is on screen, a click outside does not close the dialog and
 * lose it; Done, Escape and the close button still do.
 */
export function ResultDialog({
  state,
  trigger,
  className,
  children,
}: {
  state: { open: boolean; onOpenChange: (open: boolean) => void; result: unknown };
  trigger: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Dialog open={state.open} onOpenChange={state.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className} onInteractOutside={(event) => state.result !== null && event.preventDefault()}>
        {children}
      </DialogContent>
    </Dialog>
  );
}

/** A dialog's form: its heading, the fields, then Cancel and the submit button, which wait while it is being sent. */
export function FormDialogStep<TValues extends FieldValues, TContext, TTransformed>({
  form,
  onSubmit,
  title,
  description,
  submitLabel,
  children,
}: {
  form: UseFormReturn<TValues, TContext, TTransformed>;
  onSubmit: SubmitHandler<TTransformed>;
  title: ReactNode;
  description: ReactNode;
  submitLabel: ReactNode;
  children: ReactNode;
}) {
  return (
    <FormRoot form={form} onSubmit={onSubmit}>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      {children}
      <FormDialogFooter submitLabel={submitLabel} pending={form.formState.isSubmitting} />
    </FormRoot>
  );
}

/** What a dialog's form made (a secret to copy, a link to send), with Done to close the dialog. */
export function DoneDialogStep({ title, description, children }: { title: ReactNode; description: ReactNode; children: ReactNode }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      {children}
      <DialogFooter>
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}
