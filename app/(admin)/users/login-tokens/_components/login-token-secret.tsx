"use client";

import { EyeIcon, EyeOffIcon, LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { actionData } from "@/components/actions/use-answered";
import { LoginTokenRotateButton } from "@/app/(admin)/users/login-tokens/_components/login-token-rotate-button";
import { revealLoginTokenAction } from "@/lib/login-tokens/actions";

const MASK = "•".repeat(32);

/**
 * The token value and its login link, masked until asked for. The value
 * comes from the server only through a reveal, which is permission-checked
 * and audited; it is then kept while this dialog is open, so showing and
 * copying do not audit twice.
 */
export function LoginTokenSecret({ id }: { id: string }) {
  const [secret, setSecret] = useState<{ value: string; loginUrl: string } | null>(null);
  const [shown, setShown] = useState(false);
  const [pending, setPending] = useState(false);

  async function reveal() {
    if (secret) return secret;
    setPending(true);
    const revealed = actionData(await revealLoginTokenAction({ id }), "The token could not be revealed");
    setPending(false);
    if (revealed) setSecret(revealed);
    return revealed;
  }

  async function toggle() {
    if (shown) return setShown(false);
    if (await reveal()) setShown(true);
  }

  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="token-value">Token</Label>
        <div className="flex gap-1.5">
          <Input id="token-value" readOnly value={shown && secret ? secret.value : MASK} className="bg-background font-mono text-xs" spellCheck={false} />
          <Button variant="outline" size="icon" onClick={toggle} disabled={pending} aria-label={shown ? "Hide token" : "Show token"} aria-pressed={shown}>
            {pending ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : shown ? <EyeOffIcon aria-hidden /> : <EyeIcon aria-hidden />}
          </Button>
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="token-login-link">Login link</Label>
        <Input
          id="token-login-link"
          readOnly
          value={shown && secret ? secret.loginUrl : `…/login/token?t=${MASK.slice(0, 12)}`}
          className="bg-background font-mono text-xs"
          spellCheck={false}
        />
      </div>
      <div className="flex flex-wrap gap-1.5">
        <CopyButton value={async () => (await reveal())?.value ?? null} label="Copy token" size="sm" disabled={pending} />
        <CopyButton value={async () => (await reveal())?.loginUrl ?? null} label="Copy link" size="sm" disabled={pending} />
        <LoginTokenRotateButton
          id={id}
          onRotated={(rotated) => {
            setSecret(rotated);
            setShown(true);
          }}
        />
      </div>
      <p className="text-xs text-muted-foreground">Showing, copying or rotating the token is recorded in the audit log.</p>
    </div>
  );
}
