"use client";

import { LoaderCircleIcon, LogInIcon } from "lucide-react";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Leaves for the identity provider, which sends the person back to `returnTo` (checked on the server to be a path here). */
export function SingleSignOnButton({ providerId, name, returnTo, primary }: { providerId: string; name: string; returnTo: string; primary: boolean }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <Button
      size="lg"
      variant={primary ? "default" : "outline"}
      className="w-full"
      disabled={leaving}
      onClick={async () => {
        setLeaving(true);
        await signIn(providerId, { callbackUrl: returnTo });
      }}
    >
      {leaving ? <LoaderCircleIcon className="animate-spin" aria-hidden /> : <LogInIcon aria-hidden />}
      Sign in with {name}
    </Button>
  );
}
