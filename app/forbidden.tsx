import { ShieldXIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { pageRefusal } from "@/lib/auth/session";

// Pages under the signed-in shell use app/(admin)/forbidden.tsx, which keeps
// the sidebar; this one answers for everything outside it.
export default function Forbidden() {
  return (
    <main className="flex min-h-svh items-center justify-center bg-muted/40 p-6">
      <ForbiddenNotice />
    </main>
  );
}

/** The refusal in the permission table's words (lib/auth/permissions.ts), for the page that was refused. */
export function ForbiddenNotice() {
  const { reason } = pageRefusal();
  return (
    <EmptyState
      headingLevel={1}
      icon={<ShieldXIcon aria-hidden />}
      title="You don't have access to this page"
      description={
        <>
          <p>{reason ?? "Your account may not open this part of Latchkey."}</p>
          <p className="mt-1">If you need it for your work, ask a Latchkey administrator.</p>
        </>
      }
    >
      <Button asChild variant="outline">
        <Link href="/">Go to the start page</Link>
      </Button>
    </EmptyState>
  );
}
