"use client";

import { LoaderCircleIcon, LockIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { unlockLoginTokenAction } from "@/lib/login-tokens/actions";

/** Says why a locked token does not work, and lets an editor lift the lock. */
export function LoginTokenLockNotice({ id, failedAttempts, canUnlock }: { id: string; failedAttempts: number; canUnlock: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function unlock() {
    startTransition(async () => {
      if (!actionData(await unlockLoginTokenAction({ id }), "The token was not unlocked")) return;
      toast.success("Token unlocked", { description: "Its link works again; failed attempts start again from zero." });
      router.refresh();
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
