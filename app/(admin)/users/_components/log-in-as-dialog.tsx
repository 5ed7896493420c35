"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ExternalLinkIcon } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormRoot } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { toast } from "@/components/ui/sonner";
import { ImpersonationReasonField } from "@/app/(admin)/users/_components/impersonation-reason-field";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import type { UserRef } from "@/lib/login-tokens/schemas";
import { logInAsAction } from "@/lib/people/actions";
import { logInAsSchema, type LogInAsInput, type LogInAsValues } from "@/lib/people/log-in-as-schema";

/**
 * "Log in as": asks why, makes a one-time token and opens its link in a new
 * tab. The tab is opened on the click itself (a browser lets a click open a
 * window, not a later promise) and sent to the link once the token exists.
 */
export function LogInAsDialog({
  user,
  name,
  reasonRequired,
  minutes,
  denied,
  canOverride,
}: {
  user: UserRef;
  name: string;
  reasonRequired: boolean;
  minutes: number;
  /** Why the person may not be assisted, or null. */
  denied: string | null;
  canOverride: boolean;
}) {
  const refused = denied !== null && !canOverride;
  const [open, setOpen] = useState(false);
  const form = useForm<LogInAsInput, unknown, LogInAsValues>({ resolver: zodResolver(logInAsSchema), defaultValues: { user, reason: "" } });

  async function onSubmit() {
    const tab = window.open("about:blank", "_blank");
    const result = await logInAsAction(form.getValues());
    if (result?.data) {
      if (tab) tab.location.replace(result.data.loginUrl);
      else window.location.assign(result.data.loginUrl);
      toast.success(`Opened the shop as ${name}`, { description: `The link works once, for ${minutes} minutes.` });
      setOpen(false);
      form.reset({ user, reason: "" });
      return;
    }
    tab?.close();
    const message = applyActionErrors(result, form.setError, ["reason"]);
    if (message) form.setError("root", { message });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="h-7" aria-label={`Log in as ${name}`}>
          <ExternalLinkIcon aria-hidden />
          Log in as
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <FormRoot form={form} onSubmit={onSubmit}>
          <DialogHeader>
            <DialogTitle>Log in as {name}</DialogTitle>
            <DialogDescription>
              Opens the webshop as this person in a new tab, with a one-time link that expires in {minutes} minutes. The shop shows that staff opened it, and
              the audit log records who did and why.
            </DialogDescription>
          </DialogHeader>
          {denied && (
            <p
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
            >
              {denied} {refused ? "Only an administrator can override this." : "As an administrator you may override this; the audit log records that you did."}
            </p>
          )}
          {!refused && (
            <ImpersonationReasonField
              required={reasonRequired}
              rows={3}
              placeholder="e.g. Customer on the phone: cannot find their order"
              description={reasonRequired ? "Required here: it goes into the audit log." : "Goes into the audit log."}
            />
          )}
          {form.formState.errors.root && (
            <p role="alert" className="text-sm text-destructive">
              {form.formState.errors.root.message}
            </p>
          )}
          {refused ? (
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                Close
              </Button>
            </DialogFooter>
          ) : (
            <FormDialogFooter submitLabel="Open the shop" pending={form.formState.isSubmitting} />
          )}
        </FormRoot>
      </DialogContent>
    </Dialog>
  );
}
