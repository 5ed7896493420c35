"use client";

import { LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      className="mt-2 w-full justify-start text-muted-foreground hover:text-foreground"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: "/login" });
      }}
    >
      <LogOutIcon aria-hidden />
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}
