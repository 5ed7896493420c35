"use client";

import { RefreshCwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { rotateLoginTokenAction } from "@/lib/login-tokens/actions";

/**
 * Gives the token a new value after a confirmation, for when a link went
 * where it should not have: the old link stops at once, the counters stay.
 */
export function LoginTokenRotateButton({ id, onRotated }: { id: string; onRotated: (secret: { value: string; loginUrl: string }) => void }) {
  async function rotate() {
    const secret = actionData(await rotateLoginTokenAction({ id }), "The token was not rotated");
    if (!secret) return false;
    onRotated(secret);
    toast.success("Token rotated", { description: "The old link no longer works. Send the new one." });
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm">
          <RefreshCwIcon aria-hidden />
          Rotate
        </Button>
      }
      title="Rotate this token?"
      description="The token gets a new value and a new login link. The current link stops working at once, for anyone who has it; its counters and settings stay."
      confirmLabel="Rotate token"
      onConfirm={rotate}
    />
  );
}
