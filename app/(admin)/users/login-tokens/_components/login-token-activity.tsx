"use client";

import { AdminLink } from "@/app/(admin)/_components/admin-link";
import { useCallback, useEffect, useState } from "react";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { Skeleton } from "@/components/ui/skeleton";
import { LoginTokenSessions } from "@/app/(admin)/users/login-tokens/_components/login-token-sessions";
import { AUDIT_ACTIONS } from "@/lib/audit-log/audit-actions";
import { CHANNELS, REFUSALS } from "@/lib/audit-log/describe-details";
import { tokenActivityAction } from "@/lib/login-tokens/actions";
import type { TokenActivity, TokenActivityEvent } from "@/lib/login-tokens/activity";
import { cn } from "@/lib/utils";

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** One line of what happened: "Redemption failed · expired · login link". */
function summary(event: TokenActivityEvent): string {
  const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? event.details : {};
  const refusal = text(details.refusal);
  const channel = text(details.channel);
  return [AUDIT_ACTIONS[event.action] ?? event.action, refusal && (REFUSALS[refusal] ?? refusal), channel && `through ${CHANNELS[channel] ?? channel}`]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The token's story in its dialog: who is signed in through it now, and its
 * latest events (redemptions and failures with why they failed, reveals,
 * edits), each with where and with what browser; the audit log, filtered to
 * the token, has the rest. Loaded when the dialog opens, so the page query
 * stays as it is.
 */
export function LoginTokenActivity({ tokenId, canWrite }: { tokenId: string; canWrite: boolean }) {
  const [activity, setActivity] = useState<TokenActivity | null | undefined>(undefined);

  const load = useCallback(() => {
    void tokenActivityAction({ id: tokenId }).then((result) => setActivity(result?.data ?? null));
  }, [tokenId]);
  useEffect(load, [load]);

  if (activity === undefined) {
    return (
      <div role="status" aria-label="Loading activity" className="grid gap-2">
        <Skeleton className="h-6" />
        <Skeleton className="h-16" />
      </div>
    );
  }
  if (activity === null) return <p className="text-sm text-muted-foreground">The activity could not be loaded.</p>;

  return (
    <div className="grid gap-4">
      <LoginTokenSessions tokenId={tokenId} sessions={activity.sessions} canEnd={canWrite} onEnded={load} />
      <section aria-labelledby="token-activity" className="grid gap-2">
        <div className="flex items-center justify-between gap-2">
          <h3 id="token-activity" className="text-sm font-medium">
            Activity
          </h3>
          <AdminLink href={`/users/audit-log?token=${tokenId}`} className="text-sm text-primary underline-offset-4 hover:underline">
            {activity.more ? "All events in the audit log" : "Open in the audit log"}
          </AdminLink>
        </div>
        {activity.events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing has happened to this token yet.</p>
        ) : (
          <ol aria-label="Token activity" className="grid max-h-64 gap-1 overflow-y-auto pr-1">
            {activity.events.map((event) => (
              <li key={event.id} className="grid gap-0.5 border-b py-1.5 text-sm last:border-b-0">
                <span className={cn(event.action === "token.redeem_failed" && "text-destructive")}>{summary(event)}</span>
                <span className="text-xs text-muted-foreground">
                  <LocalDateTime value={event.at} />
                  {" · "}
                  {event.actor ?? "Visitor"}
                  {event.ip && ` · ${event.ip}`}
                  {event.browser && (
                    <>
                      {" · "}
                      <span title={event.userAgent ?? undefined}>{event.browser}</span>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
