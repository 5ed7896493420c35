"use client";

import { useRouter } from "next/navigation";
import { RowActionButton } from "@/components/data-table/row-action-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { actionData } from "@/components/actions/use-answered";
import { toast } from "@/components/ui/sonner";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";

export function RevokeApiKeyButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const router = useRouter();

  async function revoke() {
    if (!actionData(await revokeApiKeyAction({ id }), "The key was not revoked")) return false;
    toast.success(`API key “${name}” revoked`, { description: "Requests with this key are now refused." });
    router.refresh();
    return true;
  }

  return (
    <ConfirmDialog
      trigger={
        <RowActionButton destructive aria-label={`Revoke API key ${name}`}>
          Revoke
        </RowActionButton>
      }
      title={`Revoke “${name}”?`}
      description={
        <>
          Every request with the key <code className="rounded bg-muted px-1 py-px font-mono text-xs text-foreground">{prefix}…</code> will be refused from now
          on. The system using it stops working until it gets a new key. This cannot be undone.
        </>
      }
      confirmLabel="Revoke key"
      destructive
      onConfirm={revoke}
    />
  );
}
