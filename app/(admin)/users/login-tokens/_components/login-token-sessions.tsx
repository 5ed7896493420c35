"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LocalDateTime } from "@/components/ui/local-date-time";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { endTokenSessionsAction } from "@/lib/login-tokens/actions";
import type { TokenActivity } from "@/lib/login-tokens/activity";

type Session = TokenActivity["sessions"][number];

/** The webshop sessions a token opened and that are still live; an editor ends one or all of them. */
export function LoginTokenSessions({ tokenId, sessions, canEnd, onEnded }: { tokenId: string; sessions: Session[]; canEnd: boolean; onEnded: () => void }) {
  const [pending, startTransition] = useTransition();

  async function end(sessionId?: string): Promise<boolean> {
    const done = actionData(await endTokenSessionsAction({ id: tokenId, sessionId }), "The session was not ended");
    if (!done) {
      onEnded();
      return false;
    }
    toast.success(done.ended === 1 ? "Session ended" : `${done.ended} sessions ended`, {
      description: "Whoever used it is signed out of the shop.",
    });
    onEnded();
    return true;
  }

  return (
    <section aria-labelledby="token-sessions" className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 id="token-sessions" className="text-sm font-medium">
          Active sessions <span className="text-muted-foreground">({sessions.length})</span>
        </h3>
        {canEnd && sessions.length > 1 && (
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm">
                End all
              </Button>
            }
            title={`End all ${sessions.length} sessions?`}
            description="Everyone signed in to the shop through this token is signed out at once. The link itself keeps working."
            confirmLabel="End all sessions"
            destructive
            onConfirm={() => end()}
          />
        )}
      </div>
      {sessions.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nobody is signed in to the shop through this token.</p>
      ) : (
        <ul className="grid gap-1.5">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-3 py-2 text-sm">
              <div className="grid min-w-0 flex-1 gap-0.5">
                <span className="truncate" title={session.userAgent ?? undefined}>
                  {session.browser ?? "Unknown browser"}
                </span>
                <span className="text-xs text-muted-foreground">
                  {session.ip ?? "Unknown address"} · opened <LocalDateTime value={session.openedAt} />
                </span>
                <span className="text-xs text-muted-foreground">
                  Last seen <LocalDateTime value={session.lastSeenAt} empty="never" />
                </span>
              </div>
              {canEnd && (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={pending}
                  aria-label={`End session opened from ${session.ip ?? "an unknown address"}`}
                  onClick={() => startTransition(async () => void (await end(session.id)))}
                >
                  {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
                  End session
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
