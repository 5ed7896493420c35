"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { useLoginTokenCreate, type CreateRequest } from "@/app/(admin)/users/login-tokens/_components/login-token-create-context";
import { LOGIN_TOKEN_FIELDS, LoginTokenFormFields, LoginTokenUserField } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import { LoginTokenIssued, type IssuedSummary } from "@/app/(admin)/users/login-tokens/_components/login-token-issued";
import type { PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { createLoginTokenAction } from "@/lib/login-tokens/actions";
import { createLoginTokenSchema, type CreateLoginTokenInput, type CreateLoginTokenValues } from "@/lib/login-tokens/schemas";

const FIELDS = [...LOGIN_TOKEN_FIELDS, "user", "reason", "revokeOtherLinks"] as const;
const DAY = 86_400_000;

/** What a new token starts with: the installation's safe defaults (DEFAULT_TOKEN_EXPIRY_DAYS, DEFAULT_ONE_TIME_USE). */
export interface NewTokenDefaults {
  expiryDays: number;
  oneTimeUse: boolean;
}

/**
 * The form's first values, taken when the dialog opens: the defaults, or the
 * settings of the token being duplicated (an expiry already past falls back
 * to the default one). Never expires only when someone chooses it.
 */
function initialValues(defaults: NewTokenDefaults, request: CreateRequest): CreateLoginTokenInput {
  const fallbackExpiry = new Date(Date.now() + defaults.expiryDays * DAY);
  const from = request.from;
  if (!from)
    return {
      user: request.user && { type: request.user.type, id: request.user.id },
      expiresAt: fallbackExpiry,
      extra: "",
      oneTimeUse: defaults.oneTimeUse,
      maxUses: null,
      useWindowMinutes: null,
      referrer: "",
      redirectPath: "",
      reason: "",
      revokeOtherLinks: false,
    };
  const expiresAt = from.expiresAt === null ? null : from.expiresAt.getTime() > Date.now() ? from.expiresAt : fallbackExpiry;
  return {
    user: null,
    expiresAt,
    extra: from.extra ?? "",
    oneTimeUse: from.oneTimeUse,
    maxUses: from.maxUses,
    useWindowMinutes: from.useWindowMinutes,
    referrer: from.referrer ?? "",
    redirectPath: from.redirectPath ?? "",
    reason: "",
    revokeOtherLinks: false,
  };
}

/**
 * "New Login Token": the form, then the new token's link, QR code and what it
 * does. The link lives only in this dialog's state; later it takes a (audited) reveal.
 */
export function CreateLoginTokenDialog({ reasonRequired, defaults }: { reasonRequired: boolean; defaults: NewTokenDefaults }) {
  const { request, openCreate, closeCreate } = useLoginTokenCreate();
  const [issued, setIssued] = useState<IssuedSummary | null>(null);

  function onOpenChange(next: boolean) {
    if (next) return openCreate();
    closeCreate();
    setIssued(null);
  }

  return (
    <Dialog open={request !== null} onOpenChange={onOpenChange}>
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
              <DialogDescription>
                Send the link, or let the person scan the code. Anyone with the link can sign in with it, so share it privately.
              </DialogDescription>
            </DialogHeader>
            <LoginTokenIssued issued={issued} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          request && (
            <CreateLoginTokenForm
              key={request.key}
              initial={initialValues(defaults, request)}
              initialUser={request.user}
              duplicating={request.from !== null}
              reasonRequired={reasonRequired}
              onCancel={() => onOpenChange(false)}
              onCreated={(summary) => {
                // The action's answer already carries the table with the new row (revalidatePath).
                setIssued(summary);
                toast.success("Login token created");
              }}
            />
          )
        )}
      </DialogContent>
    </Dialog>
  );
}

function CreateLoginTokenForm({
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
            <FormField
              control={form.control}
              name="reason"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Reason{reasonRequired ? "" : " (optional)"}</FormLabel>
                  <FormControl>
                    <Textarea rows={2} placeholder="e.g. Customer asked for help with their order" {...field} value={field.value ?? ""} />
                  </FormControl>
                  <FormDescription>Why you are signing in as this person; kept with the token and in the audit log.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
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
