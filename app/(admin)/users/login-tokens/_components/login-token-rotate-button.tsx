"use client";

import { RefreshCwIcon } from "lucide-react";
import { ConfirmedActionButton } from "@/components/actions/confirmed-action-button";
import { toast } from "@/components/ui/sonner";
import { rotateLoginTokenAction } from "@/lib/login-tokens/actions";

/**
 * Gives the token a new value after a confirmation, for when a link went
 * where it should not have: the old link stops at once, the counters stay.
 */
export function LoginTokenRotateButton({ id, onRotated }: { id: string; onRotated: (secret: { value: string; loginUrl: string }) => void }) {
  return (
    <ConfirmedActionButton
      variant="outline"
      icon={<RefreshCwIcon aria-hidden />}
      title="Rotate this token?"
      description="The token gets a new value and a new login link. The current link stops working at once, for anyone who has it; its counters and settings stay."
      confirmLabel="Rotate token"
      run={() => rotateLoginTokenAction({ id })}
      failed="The token was not rotated"
      onDone={(secret) => {
        onRotated(secret);
        toast.success("Token rotated", { description: "The old link no longer works. Send the new one." });
      }}
    >
      Rotate
    </ConfirmedActionButton>
  );
}
