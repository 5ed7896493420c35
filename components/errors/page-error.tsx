"use client";

import { DatabaseZapIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database-unavailable";
import { cn } from "@/lib/utils";

/**
 * What a page shows when it cannot be rendered. An outage of the database
 * (the only failure the server names, by its digest) gets a calm notice of
 * its own; the server sends it with 503 and Retry-After (server/request-state.ts).
 * Any other failure shows its digest, the reference under which the server
 * logged it, so that staff can find it. Visitors of the shop and the login
 * link are not told of Latchkey or its administrator.
 */
export function PageError({ error, audience, className }: { error: Error & { digest?: string }; audience: "staff" | "visitor"; className?: string }) {
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  const staff = audience === "staff";
  return (
    <main className={cn("flex items-center justify-center p-6", className)}>
      <EmptyState
        headingLevel={1}
        icon={outage ? <DatabaseZapIcon aria-hidden /> : <TriangleAlertIcon aria-hidden />}
        title={outage ? (staff ? "Latchkey cannot reach its database" : "The shop is briefly unavailable") : "This page could not be shown"}
        description={
          <>
            <p>
              {outage
                ? "Nothing was lost or changed. It will work again as soon as its database is back, usually within moments."
                : "Something went wrong on the server. Nothing was changed; try again in a moment."}
            </p>
            {staff && <p className="mt-1">If this lasts, tell your Latchkey administrator{error.digest && !outage ? " this reference:" : "."}</p>}
            {!outage && error.digest && (
              <p className="mt-2">
                Reference <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs text-foreground">{error.digest}</code>
              </p>
            )}
          </>
        }
      >
        <Button variant="outline" onClick={() => window.location.reload()}>
          Try again
        </Button>
      </EmptyState>
    </main>
  );
}
