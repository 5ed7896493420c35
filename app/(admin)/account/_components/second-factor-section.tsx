"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ShieldCheckIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormRoot } from "@/components/ui/form";
import { FormOneTimeCodeField, FormTextField } from "@/components/ui/form-fields";
import { PendingButton } from "@/components/ui/pending-button";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { submitToAction } from "@/components/actions/submit-to-action";
import { beginTotpSetupAction, confirmTotpSetupAction, removeTotpAction } from "@/lib/staff/account-actions";
import { confirmTotpSchema, removeTotpSchema, type ConfirmTotpInput, type RemoveTotpInput } from "@/lib/staff/schemas";

type Setup = { secret: string; qrCode: string; pending: string };

/** Two-factor authentication on My account: set up with an authenticator app, the recovery codes once, or removal. */
export function SecondFactorSection({ enabled, recoveryCodesLeft }: { enabled: boolean; recoveryCodesLeft: number }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    const begun = actionData(await beginTotpSetupAction(), "Set-up did not start");
    setStarting(false);
    if (begun) setSetup(begun);
  }

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  if (setup)
    return (
      <SetUpSteps
        setup={setup}
        onCancel={() => setSetup(null)}
        onConfirmed={(codes) => {
          setSetup(null);
          setRecoveryCodes(codes);
        }}
      />
    );
  if (enabled) return <RemoveSecondFactor recoveryCodesLeft={recoveryCodesLeft} />;

  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        After your password, Latchkey also asks for a 6-digit code from an authenticator app on your phone, so a stolen password alone cannot sign in.
      </p>
      <PendingButton className="justify-self-start" onClick={start} pending={starting} icon={<ShieldCheckIcon aria-hidden />}>
        Set up two-factor authentication
      </PendingButton>
    </div>
  );
}

function SetUpSteps({ setup, onCancel, onConfirmed }: { setup: Setup; onCancel: () => void; onConfirmed: (codes: string[]) => void }) {
  const form = useForm<ConfirmTotpInput>({ resolver: zodResolver(confirmTotpSchema), defaultValues: { pending: setup.pending, code: "" } });

  const onSubmit = submitToAction(form, confirmTotpSetupAction, ["code"], "Two-factor authentication was not set up", (data) =>
    onConfirmed(data.recoveryCodes),
  );

  return (
    <div className="grid gap-5">
      <ol className="grid gap-4 text-sm">
        <li className="grid gap-3">
          <p>
            <span className="font-medium">1. Scan this QR code</span> with an authenticator app (for example 1Password, Google Authenticator or Microsoft
            Authenticator).
          </p>
          <div className="flex flex-wrap items-center gap-4">
            {/* A data URL made on the server: next/image has nothing to optimise here. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={setup.qrCode} alt="QR code for your authenticator app" width={160} height={160} className="rounded-md border bg-white p-1" />
            <div className="grid min-w-0 gap-1.5">
              <p id="totp-key-label" className="text-xs text-muted-foreground">
                Cannot scan it? Enter this set-up key:
              </p>
              <code aria-labelledby="totp-key-label" className="font-mono text-sm font-medium tracking-wider break-all">
                {setup.secret.match(/.{1,4}/g)?.join(" ")}
              </code>
              <CopyButton value={setup.secret} label="Copy key" size="sm" className="justify-self-start" />
            </div>
          </div>
        </li>
        <li>
          <span className="font-medium">2. Enter the code</span> the app shows for Latchkey.
        </li>
      </ol>
      <FormRoot form={form} onSubmit={onSubmit}>
        <FormOneTimeCodeField control={form.control} name="code" label="Code from the app" itemClassName="max-w-48" maxLength={6} autoFocus />
        <div className="flex gap-2">
          <PendingButton type="submit" pending={form.formState.isSubmitting}>
            Turn on
          </PendingButton>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </FormRoot>
    </div>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const router = useRouter();
  return (
    <div className="grid gap-4" role="status">
      <p className="flex items-center gap-2 text-sm font-medium">
        <ShieldCheckIcon className="size-4 text-success" aria-hidden />
        Two-factor authentication is on.
      </p>
      <div className="grid gap-1 text-sm text-muted-foreground">
        <p>Keep these recovery codes somewhere safe, apart from your phone. Each one signs you in once if you lose the app.</p>
        <p className="font-medium text-foreground">They are shown only now.</p>
      </div>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md border bg-muted/40 px-4 py-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-2">
        <CopyButton value={codes.join("\n")} label="Copy codes" />
        <Button
          onClick={() => {
            onDone();
            router.refresh();
          }}
        >
          I have saved them
        </Button>
      </div>
    </div>
  );
}

function RemoveSecondFactor({ recoveryCodesLeft }: { recoveryCodesLeft: number }) {
  const router = useRouter();
  const form = useForm<RemoveTotpInput>({ resolver: zodResolver(removeTotpSchema), defaultValues: { proof: "" } });

  const onSubmit = submitToAction(form, removeTotpAction, ["proof"], "Two-factor authentication was not removed", () => {
    toast.success("Two-factor authentication removed");
    form.reset();
    router.refresh();
  });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant="success">On</Badge>
        <span className="text-muted-foreground">
          Authenticator app · {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left
        </span>
      </div>
      <FormRoot form={form} onSubmit={onSubmit}>
        <FormTextField
          control={form.control}
          name="proof"
          label="Code from the app, or your password"
          description="Needed to remove two-factor authentication."
          type="password"
          autoComplete="off"
        />
        <PendingButton type="submit" variant="outline" className="justify-self-start" pending={form.formState.isSubmitting}>
          Remove two-factor authentication
        </PendingButton>
      </FormRoot>
    </div>
  );
}
