"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { FormDialogStep } from "@/components/ui/dialog-steps";
import { FormCheckboxField } from "@/components/ui/form-fields";
import { ImpersonationReasonField } from "@/app/(admin)/users/_components/impersonation-reason-field";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields, LoginTokenUserField } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import type { IssuedSummary } from "@/app/(admin)/users/login-tokens/_components/login-token-issued";
import type { PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { toastActionErrors } from "@/components/actions/toast-action-errors";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { createLoginTokenSchema, type CreateLoginTokenInput, type CreateLoginTokenValues } from "@/lib/login-tokens/schemas";

const FIELDS = [...LOGIN_TOKEN_FIELDS, "user", "reason", "revokeOtherLinks"] as const;

/** The form of "New Login Token"; its module loads when the dialog first needs it (create-login-token-dialog.tsx). */
export function CreateLoginTokenForm({
  initial,
  initialUser,
  duplicating,
  reasonRequired,
  onCreated,
}: {
  initial: CreateLoginTokenInput;
  initialUser: PickedUser | null;
  duplicating: boolean;
  reasonRequired: boolean;
  onCreated: (summary: IssuedSummary) => void;
}) {
  const form = useForm<CreateLoginTokenInput, unknown, CreateLoginTokenValues>({ resolver: zodResolver(createLoginTokenSchema), defaultValues: initial });
  const user = useWatch({ control: form.control, name: "user" });

  // The server parses the same schema again, so it gets what was typed, not the client's parse of it.
  async function onSubmit() {
    const result = await createLoginTokenAction(form.getValues());
    if (result?.data) return onCreated(result.data);
    toastActionErrors(result, form.setError, FIELDS, "The token was not created");
  }

  return (
    <FormDialogStep
      form={form}
      onSubmit={onSubmit}
      title="New Login Token"
      description={
        duplicating
          ? "A new token with the settings of the one you had open, for the person you pick here. The other token stays as it is."
          : "A secret link that signs a contact or customer into the webshop without a password."
      }
      submitLabel="Save"
    >
      <LoginTokenUserField initialUser={initialUser} />
      {user && (
        <>
          <ImpersonationReasonField
            required={reasonRequired}
            rows={2}
            placeholder="e.g. Customer asked for help with their order"
            description="Why you are signing in as this person; kept with the token and in the audit log."
          />
          <FormCheckboxField
            control={form.control}
            name="revokeOtherLinks"
            label="Revoke this person's other links"
            description="Their other live links made by staff stop working, and whoever is signed in through them is signed out."
          />
        </>
      )}
      <LoginTokenFormFields />
    </FormDialogStep>
  );
}
