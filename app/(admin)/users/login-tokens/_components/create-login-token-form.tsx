"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { toast } from "@/components/ui/sonner";
import { ImpersonationReasonField } from "@/app/(admin)/users/_components/impersonation-reason-field";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields, LoginTokenUserField } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import type { IssuedSummary } from "@/app/(admin)/users/login-tokens/_components/login-token-issued";
import type { PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { createLoginTokenSchema, type CreateLoginTokenInput, type CreateLoginTokenValues } from "@/lib/login-tokens/schemas";

const FIELDS = [...LOGIN_TOKEN_FIELDS, "user", "reason", "revokeOtherLinks"] as const;

/** The form of "New Login Token"; its module loads when the dialog first needs it (create-login-token-dialog.tsx). */
export function CreateLoginTokenForm({
  initial,
  initialUser,
  duplicating,
  reasonRequired,
  onCancel,
  onCreated,
}: {
  initial: CreateLoginTokenInput;
  initialUser: PickedUser | null;
  duplicating: boolean;
  reasonRequired: boolean;
  onCancel: () => void;
  onCreated: (summary: IssuedSummary) => void;
}) {
  const form = useForm<CreateLoginTokenInput, unknown, CreateLoginTokenValues>({ resolver: zodResolver(createLoginTokenSchema), defaultValues: initial });
  const user = useWatch({ control: form.control, name: "user" });

  // The server parses the same schema again, so it gets what was typed, not the client's parse of it.
  async function onSubmit() {
    const result = await createLoginTokenAction(form.getValues());
    if (result?.data) return onCreated(result.data);
    const message = applyActionErrors(result, form.setError, FIELDS);
    if (message) toast.error("The token was not created", { description: message });
  }

  return (
    <Form {...form}>
      <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
        <DialogHeader>
          <DialogTitle>New Login Token</DialogTitle>
          <DialogDescription>
            {duplicating
              ? "A new token with the settings of the one you had open, for the person you pick here. The other token stays as it is."
              : "A secret link that signs a contact or customer into the webshop without a password."}
          </DialogDescription>
        </DialogHeader>
        <LoginTokenUserField initialUser={initialUser} />
        {user && (
          <>
            <ImpersonationReasonField
              required={reasonRequired}
              rows={2}
              placeholder="e.g. Customer asked for help with their order"
              description="Why you are signing in as this person; kept with the token and in the audit log."
            />
            <FormField
              control={form.control}
              name="revokeOtherLinks"
              render={({ field }) => (
                <FormItem className="flex items-start gap-2.5">
                  <FormControl>
                    <Checkbox
                      checked={field.value ?? false}
                      onCheckedChange={(checked) => field.onChange(checked === true)}
                      onBlur={field.onBlur}
                      className="mt-0.5"
                    />
                  </FormControl>
                  <div className="grid gap-0.5">
                    <FormLabel className="font-normal">Revoke this person&apos;s other links</FormLabel>
                    <FormDescription>Their other live links made by staff stop working, and whoever is signed in through them is signed out.</FormDescription>
                  </div>
                </FormItem>
              )}
            />
          </>
        )}
        <LoginTokenFormFields />
        <FormDialogFooter submitLabel="Save" pending={form.formState.isSubmitting} onCancel={onCancel} />
      </form>
    </Form>
  );
}
