"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon, TriangleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Label } from "@/components/ui/label";
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
            <Alert variant="warning">
              <TriangleAlertIcon aria-hidden />
              <AlertTitle>This is the only time the key is shown</AlertTitle>
              <AlertDescription>Latchkey keeps only a fingerprint of it. If it is lost, revoke it and create a new one.</AlertDescription>
            </Alert>
            <div className="grid gap-1.5">
              <Label htmlFor="new-api-key">API key</Label>
              {/* A textarea, so the whole key is in view to check against what was pasted. */}
              <Textarea
                id="new-api-key"
                readOnly
                rows={2}
                value={issued.key}
                spellCheck={false}
                autoComplete="off"
                className="min-h-0 resize-none font-mono text-[13px] leading-5 break-all"
                onFocus={(event) => event.currentTarget.select()}
              />
              <div className="flex items-center justify-between gap-3">
                <p className="text-xs text-muted-foreground">
                  Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>
                </p>
                <CopyButton value={issued.key} label="Copy key" />
              </div>
            </div>
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
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Name</FormLabel>
                    <FormControl>
                      <Input placeholder="e.g. Webshop front end" autoComplete="off" autoFocus maxLength={100} {...field} />
                    </FormControl>
                    <FormDescription>Who or what uses the key, so you know which one to revoke.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormDialogFooter submitLabel="Create key" pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
