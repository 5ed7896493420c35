"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
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
export function CreateApiKeyDialog({ variant = "default" }: { variant?: "default" | "outline" }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const form = useForm<z.input<typeof createApiKeySchema>, unknown, z.output<typeof createApiKeySchema>>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "" },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      form.reset();
    }
  }

  async function onSubmit(values: z.output<typeof createApiKeySchema>) {
    const result = await createApiKeyAction(values);
    if (result?.data) {
      setIssued({ name: result.data.name, key: result.data.key });
      toast.success(`API key “${result.data.name}” created`);
      router.refresh();
      return;
    }
    const fieldError = result?.validationErrors?.fieldErrors?.name?.[0];
    form.setError("name", { message: fieldError ?? result?.serverError?.message ?? "The key was not created. Please try again." });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <PlusIcon aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg" onInteractOutside={(event) => issued && event.preventDefault()}>
        {issued ? (
          <>
            <DialogHeader>
              <DialogTitle>Copy your new API key</DialogTitle>
              <DialogDescription>
                The key for <span className="font-medium text-foreground">{issued.name}</span> is ready. Store it in the integration&apos;s secret settings.
              </DialogDescription>
            </DialogHeader>
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
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
            <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
              <DialogHeader>
                <DialogTitle>Create API key</DialogTitle>
                <DialogDescription>A key can create, list, delete and redeem login tokens through the REST API.</DialogDescription>
              </DialogHeader>
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
              <FormDialogFooter submitLabel="Create key" pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
