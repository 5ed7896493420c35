"use client";

import { PlusIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DoneDialogStep, ResultDialog } from "@/components/ui/dialog-steps";
import { toast } from "@/components/ui/sonner";
import { useLoginTokenCreate, type CreateRequest } from "@/app/(admin)/users/login-tokens/_components/login-token-create-context";
import { lazyDialogPart } from "@/app/(admin)/users/login-tokens/_components/login-token-lazy";
import { loginTokenFieldValues } from "@/app/(admin)/users/login-tokens/_components/login-token-field-values";
import type { IssuedSummary } from "@/app/(admin)/users/login-tokens/_components/login-token-issued";
import type { CreateLoginTokenInput } from "@/lib/login-tokens/schemas";

const CreateLoginTokenForm = lazyDialogPart(() =>
  import("@/app/(admin)/users/login-tokens/_components/create-login-token-form").then((m) => m.CreateLoginTokenForm),
);
const LoginTokenIssued = lazyDialogPart(() => import("@/app/(admin)/users/login-tokens/_components/login-token-issued").then((m) => m.LoginTokenIssued));

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
  return { ...loginTokenFieldValues(from), user: null, expiresAt, reason: "", revokeOtherLinks: false };
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
    <ResultDialog
      state={{ open: request !== null, onOpenChange, result: issued }}
      className="sm:max-w-xl"
      trigger={
        <Button>
          <PlusIcon aria-hidden />
          New Login Token
        </Button>
      }
    >
      {issued ? (
        <DoneDialogStep
          title="Login token created"
          description="Send the link, or let the person scan the code. Anyone with the link can sign in with it, so share it privately."
        >
          <LoginTokenIssued issued={issued} />
        </DoneDialogStep>
      ) : (
        request && (
          <CreateLoginTokenForm
            key={request.key}
            initial={initialValues(defaults, request)}
            initialUser={request.user}
            duplicating={request.from !== null}
            reasonRequired={reasonRequired}
            onCreated={(summary) => {
              // The action's answer already carries the table with the new row (revalidatePath).
              setIssued(summary);
              toast.success("Login token created");
            }}
          />
        )
      )}
    </ResultDialog>
  );
}
