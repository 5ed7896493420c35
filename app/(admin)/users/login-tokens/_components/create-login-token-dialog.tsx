"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import { LoginTokenIssued } from "@/app/(admin)/users/login-tokens/_components/login-token-issued";
import type { PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { createLoginTokenSchema, REASON_MAX_LENGTH, type CreateLoginTokenInput, type CreateLoginTokenValues } from "@/lib/login-tokens/schemas";

const DEFAULTS: CreateLoginTokenInput = { user: null, expiresAt: null, extra: "", oneTimeUse: false, referrer: "", redirectPath: "", reason: "" };
const FIELDS = [...LOGIN_TOKEN_FIELDS, "reason"] as const;

/**
 * "New Login Token": the form, then the new token's link and QR code. The
 * link lives only in this dialog's state; later it takes a (audited) reveal.
 */
export function CreateLoginTokenDialog({ reasonRequired, preselectedUser = null }: { reasonRequired: boolean; preselectedUser?: PickedUser | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(preselectedUser !== null);
  const [issued, setIssued] = useState<{ loginUrl: string; forWhom: string } | null>(null);
  const form = useForm<CreateLoginTokenInput, unknown, CreateLoginTokenValues>({
    resolver: zodResolver(createLoginTokenSchema),
    defaultValues: preselectedUser ? { ...DEFAULTS, user: { type: preselectedUser.type, id: preselectedUser.id } } : DEFAULTS,
  });
  const user = useWatch({ control: form.control, name: "user" });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      form.reset(DEFAULTS);
    }
  }

  // The server parses the same schema again, so it gets what was typed, not the client's parse of it.
  async function onSubmit() {
    const result = await createLoginTokenAction(form.getValues());
    if (result?.data) {
      setIssued({ loginUrl: result.data.loginUrl, forWhom: result.data.userName ?? "an anonymous visitor" });
      toast.success("Login token created");
      router.refresh();
      return;
    }
    const message = applyActionErrors(result, form.setError, FIELDS);
    if (message) toast.error("The token was not created", { description: message });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden />
          New Login Token
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl" onInteractOutside={(event) => issued && event.preventDefault()}>
        {issued ? (
          <>
            <DialogHeader>
              <DialogTitle>Login token created</DialogTitle>
              <DialogDescription>Send the link, or let the person scan the code. Anyone with the link can sign in with it, so share it privately.</DialogDescription>
            </DialogHeader>
            <LoginTokenIssued loginUrl={issued.loginUrl} forWhom={issued.forWhom} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
            <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
              <DialogHeader>
                <DialogTitle>New Login Token</DialogTitle>
                <DialogDescription>A secret link that signs a contact or customer into the webshop without a password.</DialogDescription>
              </DialogHeader>
              <LoginTokenFormFields
                initialUser={preselectedUser}
                afterUser={
                  user && (
                    <FormField
                      control={form.control}
                      name="reason"
                      render={({ field }) => (
                        <FormItem>
                          <FormLabel>Reason{reasonRequired ? "" : " (optional)"}</FormLabel>
                          <FormControl>
                            <Textarea rows={2} maxLength={REASON_MAX_LENGTH} placeholder="e.g. Customer asked for help with their order" {...field} value={field.value ?? ""} />
                          </FormControl>
                          <FormDescription>Why you are signing in as this person; kept with the token and in the audit log.</FormDescription>
                          <FormMessage />
                        </FormItem>
                      )}
                    />
                  )
                }
              />
              <FormDialogFooter submitLabel="Save" pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
