"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { CopyButton } from "@/components/ui/copy-button";
import { SettingsCreateDialog, type CreateButtonVariant } from "@/app/(admin)/settings/_components/settings-create-dialog";
import { DoneDialogStep, FormDialogStep, useResultDialog } from "@/components/ui/dialog-steps";
import { FormIdSelectField, FormTextField, LabelledFormField } from "@/components/ui/form-fields";
import { Label } from "@/components/ui/label";
import { SecretValue, ShownOnceWarning } from "@/components/ui/secret-value";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { toast } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { toastActionErrors } from "@/components/actions/toast-action-errors";
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
/** The credential fields hold identifiers typed exactly, so they read as code. */
const CREDENTIAL = { autoComplete: "off", spellCheck: false, className: "font-mono text-[13px]" } as const;

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
export function CreatePunchoutBuyerDialog({ companies, appUrl, variant }: { companies: CompanyChoice[]; appUrl: string; variant?: CreateButtonVariant }) {
  const router = useRouter();
  const form = useForm<FormValues, unknown, NewPunchoutBuyer>({
    // The schema is a union over the protocol; the form holds both protocols' fields at once.
    resolver: zodResolver(createPunchoutBuyerSchema) as unknown as Resolver<FormValues, unknown, NewPunchoutBuyer>,
    defaultValues: DEFAULTS,
  });
  const protocol = useWatch({ control: form.control, name: "protocol" });
  const companyId = useWatch({ control: form.control, name: "companyId" });
  const contacts = companies.find((company) => company.id === companyId)?.contacts ?? [];

  const dialog = useResultDialog<Issued>(() => form.reset(DEFAULTS));

  async function onSubmit(values: NewPunchoutBuyer) {
    const result = await createPunchoutBuyerAction(form.getValues() as unknown as Parameters<typeof createPunchoutBuyerAction>[0]);
    if (result?.data) {
      const credential = values.protocol === "OCI" ? `${values.ociUsernameField}=${values.ociUsername}` : `${values.cxmlDomain}: ${values.cxmlIdentity}`;
      dialog.setResult({ name: result.data.name, protocol: result.data.protocol, secret: result.data.secret, credential });
      toast.success(`Punch-out buyer “${result.data.name}” added`);
      router.refresh();
      return;
    }
    toastActionErrors(result, form.setError, FIELDS, "The buyer was not added");
  }

  return (
    <SettingsCreateDialog label="Add buyer" variant={variant} state={dialog} className="max-h-[90svh] overflow-y-auto sm:max-w-xl">
      {dialog.result ? (
        <IssuedSecret issued={dialog.result} appUrl={appUrl} />
      ) : (
        <FormDialogStep
          form={form}
          onSubmit={onSubmit}
          title="Add punch-out buyer"
          description="A customer company's procurement system that opens the shop and takes the cart back."
          submitLabel="Add buyer"
        >
          <FormTextField control={form.control} name="name" label="Name" placeholder="e.g. Acme SAP SRM" autoComplete="off" maxLength={100} />
          <LabelledFormField control={form.control} name="protocol" label="Protocol">
            {(field) => (
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
            )}
          </LabelledFormField>
          {/* minmax(0, …): a long choice in a select must not widen its column past the dialog. */}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-start">
            <FormIdSelectField
              control={form.control}
              name="companyId"
              label="Company"
              placeholder={companies.length ? "Pick a company" : "No companies yet"}
              options={companies.map((company) => ({ id: company.id, label: company.name }))}
              onPicked={() => form.setValue("contactId", null)}
            />
            <FormIdSelectField
              control={form.control}
              name="contactId"
              label="Signs in as"
              none="No contact (anonymous session)"
              disabled={!companyId}
              options={contacts.map((contact) => ({ id: contact.id, label: contact.name }))}
            />
          </div>
          {protocol === "OCI" ? (
            <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
              <FormTextField control={form.control} name="ociUsername" label="Username" placeholder="ACME-SRM" {...CREDENTIAL} />
              <FormTextField control={form.control} name="ociUsernameField" label="Username field" {...CREDENTIAL} />
              <FormTextField control={form.control} name="ociPasswordField" label="Password field" {...CREDENTIAL} />
            </div>
          ) : (
            <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-start">
              <FormTextField control={form.control} name="cxmlDomain" label="Sender domain" {...CREDENTIAL} />
              <FormTextField control={form.control} name="cxmlIdentity" label="Sender identity" placeholder="AN01000000001" {...CREDENTIAL} />
            </div>
          )}
          <LabelledFormField
            control={form.control}
            name="returnOrigins"
            label="Allowed return origins"
            description={`One per line: the exact origins of the ${protocol === "OCI" ? "HOOK_URL" : "BrowserFormPost URL"} the cart may be sent to. https only.`}
          >
            {(field) => <Textarea rows={2} placeholder="https://srm.acme.example" spellCheck={false} className="font-mono text-[13px]" {...field} />}
          </LabelledFormField>
        </FormDialogStep>
      )}
    </SettingsCreateDialog>
  );
}

function IssuedSecret({ issued, appUrl }: { issued: Issued; appUrl: string }) {
  const oci = issued.protocol === "OCI";
  const endpoint = new URL(oci ? "/punchout/oci" : "/punchout/cxml/setup", appUrl).toString();
  return (
    <DoneDialogStep
      title={`Copy the ${oci ? "password" : "shared secret"}`}
      description={
        <>
          <span className="font-medium text-foreground">{issued.name}</span> is ready. Enter these in the procurement system&apos;s catalogue settings.
        </>
      }
    >
      <ShownOnceWarning title={`This is the only time the ${oci ? "password" : "shared secret"} is shown`}>
        Latchkey keeps only a hash of it. If it is lost, add the buyer again with a new one.
      </ShownOnceWarning>
      <dl className="grid grid-cols-[8.5rem_1fr] items-baseline gap-x-3 gap-y-2 text-sm">
        <dt className="text-muted-foreground">{oci ? "Catalogue URL" : "Setup URL"}</dt>
        <dd className="font-mono text-[13px] break-all">{endpoint}</dd>
        <dt className="text-muted-foreground">{oci ? "Username" : "Sender"}</dt>
        <dd className="font-mono text-[13px] break-all">{issued.credential}</dd>
      </dl>
      <SecretValue id="new-punchout-secret" label={oci ? "Password" : "Shared secret"} value={issued.secret}>
        <div className="flex justify-end">
          <CopyButton value={issued.secret} label={oci ? "Copy password" : "Copy shared secret"} />
        </div>
      </SecretValue>
    </DoneDialogStep>
  );
}
