"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { TriangleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Form } from "@/components/ui/form";
import { toast } from "@/components/ui/sonner";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { updateLoginTokenAction } from "@/lib/login-tokens/actions";
import type { LoginTokenDetails } from "@/lib/login-tokens/list-types";
import { updateLoginTokenSchema, type UpdateLoginTokenInput, type UpdateLoginTokenValues } from "@/lib/login-tokens/schemas";

const valuesOf = (details: LoginTokenDetails): UpdateLoginTokenInput => ({
  id: details.id,
  // The version this edit starts from: the server refuses the save if the token changed since.
  expectedUpdatedAt: details.updatedAt,
  user: details.user ? { type: details.user.type, id: details.user.id } : null,
  expiresAt: details.expiresAt,
  extra: details.extra ?? "",
  oneTimeUse: details.oneTimeUse,
  maxUses: details.maxUses,
  useWindowMinutes: details.useWindowMinutes,
  referrer: details.referrer ?? "",
  redirectPath: details.redirectPath ?? "",
});

/**
 * The editable fields of a token beside `aside` (what cannot be edited), with
 * one Save for the whole dialog. Saving refuses to overwrite anybody else's
 * change made since the dialog opened.
 */
export function EditLoginTokenForm({ details, aside, onSaved, onCancel }: { details: LoginTokenDetails; aside: ReactNode; onSaved: () => void; onCancel: () => void }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<UpdateLoginTokenInput, unknown, UpdateLoginTokenValues>({ resolver: zodResolver(updateLoginTokenSchema), defaultValues: valuesOf(details) });

  // The server parses the same schema again, so it gets what was typed, not the client's parse of it.
  async function onSubmit() {
    setProblem(null);
    const result = await updateLoginTokenAction(form.getValues());
    if (result?.data) {
      toast.success("Login token saved");
      onSaved();
      router.refresh();
      return;
    }
    setProblem(applyActionErrors(result, form.setError, LOGIN_TOKEN_FIELDS));
  }

  return (
    <Form {...form}>
      <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
        {problem && (
          <Alert variant="destructive" role="alert">
            <TriangleAlertIcon aria-hidden />
            <AlertTitle>Not saved</AlertTitle>
            <AlertDescription>{problem}</AlertDescription>
          </Alert>
        )}
        <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="grid content-start gap-4">
            <LoginTokenFormFields initialUser={details.user} />
          </div>
          <aside aria-label="Token details" className="grid content-start gap-4 rounded-lg bg-muted/50 p-3.5">
            {aside}
          </aside>
        </div>
        <FormDialogFooter submitLabel="Save" pending={form.formState.isSubmitting} onCancel={onCancel} />
      </form>
    </Form>
  );
}
