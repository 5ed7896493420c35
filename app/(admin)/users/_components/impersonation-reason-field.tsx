"use client";

import { useFormContext } from "react-hook-form";
import { LabelledFormField } from "@/components/ui/form-fields";
import { Textarea } from "@/components/ui/textarea";

/** Why a staff member acts as a person: one field for Log in as and for a new token, required when the installation says so. */
export function ImpersonationReasonField({
  required,
  rows,
  placeholder,
  description,
}: {
  required: boolean;
  rows: number;
  placeholder: string;
  description: string;
}) {
  const { control } = useFormContext<{ reason?: string | null }>();
  return (
    <LabelledFormField control={control} name="reason" label={`Reason${required ? "" : " (optional)"}`} description={description}>
      {(field) => <Textarea rows={rows} placeholder={placeholder} {...field} value={field.value ?? ""} />}
    </LabelledFormField>
  );
}
