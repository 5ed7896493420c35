"use client";

import { LoaderCircleIcon, LockIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";
import { unlockLoginTokenAction } from "@/lib/login-tokens/actions";

/** Says why a locked token does not work, and lets an editor lift the lock. */
export function LoginTokenLockNotice({ id, failedAttempts, canUnlock }: { id: string; failedAttempts: number; canUnlock: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function unlock() {
    startTransition(async () => {
      const result = await unlockLoginTokenAction({ id });
      if (result?.data) {
        toast.success("Token unlocked", { description: "Its link works again; failed attempts start again from zero." });
        router.refresh();
      } else {
        toast.error("The token was not unlocked", { description: result?.serverError?.message ?? "Please try again." });
      }
    });
  }

  return (
    <Alert variant="destructive">
      <LockIcon aria-hidden />
      <AlertTitle>Locked after {failedAttempts} failed attempts</AlertTitle>
      <AlertDescription>
        <p>The link does not work, even with the right value, until the token is unlocked. Rotate it as well if the value may have leaked.</p>
        {canUnlock && (
          <Button variant="outline" size="sm" className="mt-2" onClick={unlock} disabled={pending}>
            {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
            Unlock
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}
