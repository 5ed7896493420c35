"use client";

import { useFormContext } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
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
    <FormField
      control={control}
      name="reason"
      render={({ field }) => (
        <FormItem>
          <FormLabel>Reason{required ? "" : " (optional)"}</FormLabel>
          <FormControl>
            <Textarea rows={rows} placeholder={placeholder} {...field} value={field.value ?? ""} />
          </FormControl>
          <FormDescription>{description}</FormDescription>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
