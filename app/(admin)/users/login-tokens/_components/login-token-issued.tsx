"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { LoginTokenQrCode } from "@/app/(admin)/users/login-tokens/_components/login-token-qr-code";

/** The new token's login link, to copy or scan; the link holds the secret, so it is shown to editors only. */
export function LoginTokenIssued({ loginUrl, forWhom }: { loginUrl: string; forWhom: string }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <LoginTokenQrCode url={loginUrl} />
      <div className="grid min-w-0 flex-1 gap-1.5">
        <Label htmlFor="issued-login-link">Login link</Label>
        {/* A textarea, so the whole link is in view to check against what was pasted. */}
        <Textarea
          id="issued-login-link"
          readOnly
          rows={3}
          value={loginUrl}
          spellCheck={false}
          className="min-h-0 resize-none font-mono text-xs leading-5 break-all"
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs text-muted-foreground">Opens the webshop signed in as {forWhom}.</p>
          <CopyButton value={loginUrl} label="Copy link" size="sm" />
        </div>
      </div>
    </div>
  );
}
