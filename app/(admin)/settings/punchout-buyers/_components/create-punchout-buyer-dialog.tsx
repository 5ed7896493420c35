"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PlusIcon, TriangleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectOptions, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { createPunchoutBuyerAction } from "@/lib/punchout/actions";
import type { CompanyChoice } from "@/lib/punchout/buyers";
import { createPunchoutBuyerSchema, PROTOCOL_LABELS, PUNCHOUT_PROTOCOLS, type NewPunchoutBuyer, type PunchoutProtocolValue } from "@/lib/punchout/schemas";

/** Every field of both protocols; the schema keeps the chosen protocol's. */
interface FormValues {
  protocol: PunchoutProtocolValue;
  name: string;
  companyId: number | undefined;
  contactId: number | null;
  ociUsername: string;
  ociUsernameField: string;
  ociPasswordField: string;
  cxmlDomain: string;
  cxmlIdentity: string;
  returnOrigins: string;
}

const DEFAULTS: FormValues = {
  protocol: "CXML",
  name: "",
  companyId: undefined,
  contactId: null,
  ociUsername: "",
  ociUsernameField: "USERNAME",
  ociPasswordField: "PASSWORD",
  cxmlDomain: "NetworkID",
  cxmlIdentity: "",
  returnOrigins: "",
};
const FIELDS = Object.keys(DEFAULTS) as (keyof FormValues)[];
const NO_CONTACT = "none";

interface Issued {
  name: string;
  protocol: PunchoutProtocolValue;
  secret: string;
  credential: string;
}

/**
 * "Add buyer": the form, then the generated password or shared secret, shown
 * once. It lives only in this dialog's state; the server keeps an argon2id
 * hash of it, so nobody can show it again.
 */
export function CreatePunchoutBuyerDialog({
  companies,
  appUrl,
  variant = "default",
}: {
  companies: CompanyChoice[];
  appUrl: string;
  variant?: "default" | "outline";
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const form = useForm<FormValues, unknown, NewPunchoutBuyer>({
    // The schema is a union over the protocol; the form holds both protocols' fields at once.
    resolver: zodResolver(createPunchoutBuyerSchema) as unknown as Resolver<FormValues, unknown, NewPunchoutBuyer>,
    defaultValues: DEFAULTS,
  });
  const protocol = useWatch({ control: form.control, name: "protocol" });
  const companyId = useWatch({ control: form.control, name: "companyId" });
  const contacts = companies.find((company) => company.id === companyId)?.contacts ?? [];

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      form.reset(DEFAULTS);
    }
  }

  async function onSubmit(values: NewPunchoutBuyer) {
    const result = await createPunchoutBuyerAction(form.getValues() as unknown as Parameters<typeof createPunchoutBuyerAction>[0]);
    if (result?.data) {
      const credential = values.protocol === "OCI" ? `${values.ociUsernameField}=${values.ociUsername}` : `${values.cxmlDomain}: ${values.cxmlIdentity}`;
      setIssued({ name: result.data.name, protocol: result.data.protocol, secret: result.data.secret, credential });
      toast.success(`Punch-out buyer “${result.data.name}” added`);
      router.refresh();
      return;
    }
    const message = applyActionErrors(result, form.setError, FIELDS);
    if (message) toast.error("The buyer was not added", { description: message });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={variant}>
          <PlusIcon aria-hidden />
          Add buyer
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90svh] overflow-y-auto sm:max-w-xl" onInteractOutside={(event) => issued && event.preventDefault()}>
        {issued ? (
          <IssuedSecret issued={issued} appUrl={appUrl} onDone={() => onOpenChange(false)} />
        ) : (
          <Form {...form}>
            <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
              <DialogHeader>
                <DialogTitle>Add punch-out buyer</DialogTitle>
                <DialogDescription>A customer company&apos;s procurement system that opens the shop and takes the cart back.</DialogDescription>
              </DialogHeader>
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Name</FormLabel>
                    <FormControl>
                      <Input placeholder="e.g. Acme SAP SRM" autoComplete="off" maxLength={100} {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="protocol"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Protocol</FormLabel>
                    <FormControl>
                      <RadioGroup value={field.value} onValueChange={field.onChange} className="flex gap-5">
                        {PUNCHOUT_PROTOCOLS.map((value) => (
                          <div key={value} className="flex items-center gap-1.5">
                            <RadioGroupItem id={`punchout-protocol-${value}`} value={value} />
                            <Label htmlFor={`punchout-protocol-${value}`} className="font-normal">
                              {PROTOCOL_LABELS[value]}
                            </Label>
                          </div>
                        ))}
                      </RadioGroup>
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              {/* minmax(0, …): a long choice in a select must not widen its column past the dialog. */}
              <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-start">
                <FormField
                  control={form.control}
                  name="companyId"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Company</FormLabel>
                      <Select
                        value={field.value ? String(field.value) : ""}
                        onValueChange={(value) => {
                          field.onChange(Number(value));
                          form.setValue("contactId", null);
                        }}
                      >
                        <FormControl>
                          <SelectTrigger className="w-full">
                            <SelectValue placeholder={companies.length ? "Pick a company" : "No companies yet"} />
                          </SelectTrigger>
                        </FormControl>
                        <SelectOptions options={companies.map((company) => ({ value: String(company.id), label: company.name }))} />
                      </Select>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="contactId"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>Signs in as</FormLabel>
                      <Select
                        value={field.value ? String(field.value) : NO_CONTACT}
                        onValueChange={(value) => field.onChange(value === NO_CONTACT ? null : Number(value))}
                      >
                        <FormControl>
                          <SelectTrigger className="w-full" disabled={!companyId}>
                            <SelectValue />
                          </SelectTrigger>
                        </FormControl>
                        <SelectOptions
                          none={{ value: NO_CONTACT, label: "No contact (anonymous session)" }}
                          options={contacts.map((contact) => ({ value: String(contact.id), label: contact.name }))}
                        />
                      </Select>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              </div>
              {protocol === "OCI" ? (
                <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
                  <CredentialField form={form} name="ociUsername" label="Username" placeholder="ACME-SRM" />
                  <CredentialField form={form} name="ociUsernameField" label="Username field" />
                  <CredentialField form={form} name="ociPasswordField" label="Password field" />
                </div>
              ) : (
                <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-start">
                  <CredentialField form={form} name="cxmlDomain" label="Sender domain" />
                  <CredentialField form={form} name="cxmlIdentity" label="Sender identity" placeholder="AN01000000001" />
                </div>
              )}
              <FormField
                control={form.control}
                name="returnOrigins"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Allowed return origins</FormLabel>
                    <FormControl>
                      <Textarea rows={2} placeholder="https://srm.acme.example" spellCheck={false} className="font-mono text-[13px]" {...field} />
                    </FormControl>
                    <FormDescription>
                      One per line: the exact origins of the {protocol === "OCI" ? "HOOK_URL" : "BrowserFormPost URL"} the cart may be sent to. https only.
                    </FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormDialogFooter submitLabel="Add buyer" pending={form.formState.isSubmitting} onCancel={() => onOpenChange(false)} />
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function CredentialField({
  form,
  name,
  label,
  placeholder,
}: {
  form: ReturnType<typeof useForm<FormValues, unknown, NewPunchoutBuyer>>;
  name: "ociUsername" | "ociUsernameField" | "ociPasswordField" | "cxmlDomain" | "cxmlIdentity";
  label: string;
  placeholder?: string;
}) {
  return (
    <FormField
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input placeholder={placeholder} autoComplete="off" spellCheck={false} className="font-mono text-[13px]" {...field} />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function IssuedSecret({ issued, appUrl, onDone }: { issued: Issued; appUrl: string; onDone: () => void }) {
  const oci = issued.protocol === "OCI";
  const endpoint = new URL(oci ? "/punchout/oci" : "/punchout/cxml/setup", appUrl).toString();
  return (
    <>
      <DialogHeader>
        <DialogTitle>Copy the {oci ? "password" : "shared secret"}</DialogTitle>
        <DialogDescription>
          <span className="font-medium text-foreground">{issued.name}</span> is ready. Enter these in the procurement system&apos;s catalogue settings.
        </DialogDescription>
      </DialogHeader>
      <Alert variant="warning">
        <TriangleAlertIcon aria-hidden />
        <AlertTitle>This is the only time the {oci ? "password" : "shared secret"} is shown</AlertTitle>
        <AlertDescription>Latchkey keeps only a hash of it. If it is lost, add the buyer again with a new one.</AlertDescription>
      </Alert>
      <dl className="grid grid-cols-[8.5rem_1fr] items-baseline gap-x-3 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{oci ? "Catalogue URL" : "Setup URL"}</dt>
        <dd className="font-mono text-[13px] break-all">{endpoint}</dd>
        <dt className="text-muted-foreground">{oci ? "Username" : "Sender"}</dt>
        <dd className="font-mono text-[13px] break-all">{issued.credential}</dd>
      </dl>
      <div className="grid gap-1.5">
        <Label htmlFor="new-punchout-secret">{oci ? "Password" : "Shared secret"}</Label>
        <Input
          id="new-punchout-secret"
          readOnly
          value={issued.secret}
          spellCheck={false}
          autoComplete="off"
          className="font-mono text-[13px]"
          onFocus={(event) => event.currentTarget.select()}
        />
        <div className="flex justify-end">
          <CopyButton value={issued.secret} label={oci ? "Copy password" : "Copy shared secret"} />
        </div>
      </div>
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}
