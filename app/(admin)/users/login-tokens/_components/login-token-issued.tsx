"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { Textarea } from "@/components/ui/textarea";
import { userDetailsLabel, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { LoginTokenQrCode } from "@/app/(admin)/users/login-tokens/_components/login-token-qr-code";
import { formatDateTime } from "@/lib/dates";

/** A token just made: its link, and what it does, so the editor can check it before sending it. */
export interface IssuedSummary {
  loginUrl: string;
  user: PickedUser | null;
  expiresAt: Date | null;
  oneTimeUse: boolean;
  redirectPath: string | null;
}

/** A short text to paste into a mail or chat: the link and how long it works. */
export function readyToSendMessage({ loginUrl, user, expiresAt, oneTimeUse }: IssuedSummary): string {
  const greeting = user ? `Hello ${user.name},\n\nhere is your personal link to sign in to our webshop:` : "Here is a link to sign in to our webshop:";
  const limits = [
    oneTimeUse ? "It works once" : "It works more than once",
    expiresAt ? `until ${formatDateTime(expiresAt, { zone: true })}` : "and does not expire",
  ].join(" ");
  return `${greeting}\n${loginUrl}\n\n${limits}. Please do not pass it on: anyone with the link can sign in with it.`;
}

/** The new token's login link, to copy or scan; the link holds the secret, so it is shown to editors only. */
export function LoginTokenIssued({ issued }: { issued: IssuedSummary }) {
  const { loginUrl, user, expiresAt, oneTimeUse, redirectPath } = issued;
  const forWhom = user?.name ?? "an anonymous visitor";
  return (
    <div className="grid gap-4">
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
          <p className="text-xs text-muted-foreground">Opens the webshop signed in as {forWhom}.</p>
          <div className="flex flex-wrap items-center justify-end gap-2">
            <CopyButton value={() => Promise.resolve(readyToSendMessage(issued))} label="Copy message" size="sm" />
            <CopyButton value={loginUrl} label="Copy link" size="sm" />
          </div>
        </div>
      </div>
      <dl aria-label="The new token" className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 rounded-lg bg-muted/50 p-3 text-sm">
        <dt className="text-muted-foreground">For</dt>
        <dd className="min-w-0">
          {user ? (
            <>
              <span className="font-medium">{user.name}</span> <span className="text-muted-foreground">· {userDetailsLabel(user)}</span>
            </>
          ) : (
            "Anyone with the link (anonymous)"
          )}
        </dd>
        <dt className="text-muted-foreground">Expires</dt>
        <dd>
          <LocalDateTime value={expiresAt} empty="Never" zone />
        </dd>
        <dt className="text-muted-foreground">Uses</dt>
        <dd>{oneTimeUse ? "Once, then it is used up" : "Any number of times until it expires"}</dd>
        <dt className="text-muted-foreground">Lands on</dt>
        <dd className="font-mono text-xs leading-5 break-all">{redirectPath ?? "/shop"}</dd>
      </dl>
    </div>
  );
}
