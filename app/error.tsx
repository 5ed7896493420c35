"use client";

import { DatabaseZapIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/database-unavailable";

/**
 * What a page shows when it cannot be rendered. An outage of the database
 * (the only failure the server names, by its digest) gets a calm notice of
 * its own; the server sends it with 503 and Retry-After (server/request-state.ts).
 */
export default function PageError({ error }: { error: Error & { digest?: string } }) {
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 p-6">
      <EmptyState
        headingLevel={1}
        icon={outage ? <DatabaseZapIcon aria-hidden /> : <TriangleAlertIcon aria-hidden />}
        title={outage ? "Latchkey cannot reach its database" : "This page could not be shown"}
        description={
          outage ? (
            <>
              <p>Nothing was lost or changed. Latchkey will work again as soon as its database is back, usually within moments.</p>
              <p className="mt-1">Try again in a little while; if this lasts, tell your Latchkey administrator.</p>
            </>
          ) : (
            <p>Something went wrong on the server. Nothing was changed; try again in a moment.</p>
          )
        }
      >
        <Button variant="outline" onClick={() => window.location.reload()}>
          Try again
        </Button>
      </EmptyState>
    </main>
  );
}
