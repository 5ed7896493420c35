"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { SettingsCreateDialog, type CreateButtonVariant } from "@/app/(admin)/settings/_components/settings-create-dialog";
import { DoneDialogStep, FormDialogStep, useResultDialog } from "@/components/ui/dialog-steps";
import { FormTextField } from "@/components/ui/form-fields";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";
import { toast } from "@/components/ui/sonner";
import { CopyButton } from "@/components/ui/copy-button";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { createApiKeySchema } from "@/lib/api-keys/schemas";

interface IssuedKey {
  name: string;
  key: string;
}

/**
 * Asks for a name, then shows the new key once. The key lives only in this
 * dialog's state: closing the dialog drops it, and the server keeps only its
 * hash, so nobody can show it again.
 */
export function CreateApiKeyDialog({ variant }: { variant?: CreateButtonVariant }) {
  const router = useRouter();
  const form = useForm<z.input<typeof createApiKeySchema>, unknown, z.output<typeof createApiKeySchema>>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "" },
  });
  const dialog = useResultDialog<IssuedKey>(() => form.reset());
  const issued = dialog.result;

  async function onSubmit(values: z.output<typeof createApiKeySchema>) {
    const result = await createApiKeyAction(values);
    if (result?.data) {
      dialog.setResult({ name: result.data.name, key: result.data.key });
      toast.success(`API key “${result.data.name}” created`);
      router.refresh();
      return;
    }
    const fieldError = result?.validationErrors?.fieldErrors?.name?.[0];
    form.setError("name", { message: fieldError ?? result?.serverError?.message ?? "The key was not created. Please try again." });
  }

  return (
    <SettingsCreateDialog label="Create API key" variant={variant} state={dialog} className="sm:max-w-lg">
      {issued ? (
        <DoneDialogStep
          title="Copy your new API key"
          description={
            <>
              The key for <span className="font-medium text-foreground">{issued.name}</span> is ready. Store it in the integration&apos;s secret settings.
            </>
          }
        >
          <ShownOnceWarning title="This is the only time the key is shown">
            Latchkey keeps only a fingerprint of it. If it is lost, revoke it and create a new one.
          </ShownOnceWarning>
          <SecretValue id="new-api-key" label="API key" value={issued.key} rows={2}>
            <div className="flex items-center justify-between gap-3">
              <p className="text-xs text-muted-foreground">
                Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>
              </p>
              <CopyButton value={issued.key} label="Copy key" />
            </div>
          </SecretValue>
        </DoneDialogStep>
      ) : (
        <FormDialogStep
          form={form}
          onSubmit={onSubmit}
          title="Create API key"
          description="A key can create, list, delete and redeem login tokens through the REST API."
          submitLabel="Create key"
        >
          <FormTextField
            control={form.control}
            name="name"
            label="Name"
            description="Who or what uses the key, so you know which one to revoke."
            placeholder="e.g. Webshop front end"
            autoComplete="off"
            autoFocus
            maxLength={100}
          />
        </FormDialogStep>
      )}
    </SettingsCreateDialog>
  );
}
