"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CopyPlusIcon, TriangleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { FormRoot } from "@/components/ui/form";
import { toast } from "@/components/ui/sonner";
import { loginTokenFieldValues } from "@/app/(admin)/users/login-tokens/_components/login-token-field-values";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import { userDetailsLabel } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { updateLoginTokenAction } from "@/lib/login-tokens/actions";
import type { LoginTokenDetails, LoginTokenRow } from "@/lib/login-tokens/list-types";
import { updateLoginTokenSchema, type UpdateLoginTokenInput, type UpdateLoginTokenValues } from "@/lib/login-tokens/schemas";

const valuesOf = (details: LoginTokenDetails): UpdateLoginTokenInput => ({
  id: details.id,
  // The version this edit starts from: the server refuses the save if the token changed since.
  expectedUpdatedAt: details.updatedAt,
  ...loginTokenFieldValues(details),
});

/**
 * The editable fields of a token beside `aside` (what cannot be edited), with
 * one Save for the whole dialog. Saving refuses to overwrite anybody else's
 * change made since the dialog opened; then `conflict` holds what this editor
 * had typed, the page loads their version, and the editor chooses: load
 * theirs, or save theirs over with this one (which now starts from theirs).
 */
export function EditLoginTokenForm({
  details,
  aside,
  conflict,
  onConflict,
  onSaved,
  onDuplicate,
}: {
  details: LoginTokenDetails;
  aside: ReactNode;
  conflict: UpdateLoginTokenInput | null;
  onConflict: (mine: UpdateLoginTokenInput | null) => void;
  /** With the token's row as saved (null if it went in the meantime). */
  onSaved: (row: LoginTokenRow | null) => void;
  onDuplicate: () => void;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<UpdateLoginTokenInput, unknown, UpdateLoginTokenValues>({
    resolver: zodResolver(updateLoginTokenSchema),
    defaultValues: conflict ? { ...conflict, expectedUpdatedAt: details.updatedAt } : valuesOf(details),
  });
  // Until their version has arrived, neither choice can be made: "mine" must start from theirs.
  const theirsLoaded = conflict !== null && conflict.expectedUpdatedAt.getTime() !== details.updatedAt.getTime();

  // The server parses the same schema again, so it gets what was typed, not the client's parse of it.
  async function onSubmit() {
    setProblem(null);
    const mine = form.getValues();
    const result = await updateLoginTokenAction(mine);
    if (result?.data) {
      onConflict(null);
      toast.success("Login token saved");
      onSaved(result.data.row);
      return;
    }
    if (result?.serverError?.code === "STALE_EDIT") {
      onConflict(mine);
      router.refresh();
      return;
    }
    setProblem(applyActionErrors(result, form.setError, LOGIN_TOKEN_FIELDS));
  }

  function loadTheirs() {
    form.reset(valuesOf(details));
    onConflict(null);
  }

  return (
    <FormRoot form={form} onSubmit={onSubmit}>
      {conflict && (
        <Alert variant="destructive" role="alert">
          <TriangleAlertIcon aria-hidden />
          <AlertTitle>Someone else saved this token while you were editing</AlertTitle>
          <AlertDescription>
            <p>{theirsLoaded ? "Your changes are still in the form. Keep theirs, or save yours over them." : "Loading their version…"}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button type="button" size="sm" variant="outline" disabled={!theirsLoaded} onClick={loadTheirs}>
                Load their version
              </Button>
              <Button type="submit" size="sm" variant="destructive" disabled={!theirsLoaded || form.formState.isSubmitting}>
                Overwrite with mine
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
      {problem && (
        <Alert variant="destructive" role="alert">
          <TriangleAlertIcon aria-hidden />
          <AlertTitle>Not saved</AlertTitle>
          <AlertDescription>{problem}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid content-start gap-4">
          <section aria-labelledby="token-holder" className="grid gap-1.5">
            <h3 id="token-holder" className="text-sm font-medium">
              For
            </h3>
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
              <span className="min-w-0">
                {details.user ? (
                  <>
                    <span className="font-medium">{details.user.name}</span> <span className="text-muted-foreground">· {userDetailsLabel(details.user)}</span>
                  </>
                ) : (
                  <span className="text-muted-foreground italic">Anonymous</span>
                )}
              </span>
              <Button type="button" variant="outline" size="sm" onClick={onDuplicate}>
                <CopyPlusIcon aria-hidden />
                Duplicate for another person
              </Button>
            </div>
            <p className="text-xs text-muted-foreground">Whom a token signs in is fixed, so a link already sent never signs in someone else.</p>
          </section>
          <LoginTokenFormFields />
        </div>
        <aside aria-label="Token details" className="grid content-start gap-4 rounded-lg bg-muted/50 p-3.5">
          {aside}
        </aside>
      </div>
      <FormDialogFooter submitLabel="Save" pending={form.formState.isSubmitting} />
    </FormRoot>
  );
}
