"use client";

import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { DateTimePicker, type DateTimePreset } from "@/components/ui/date-time-picker";
import { FormCheckboxField, FormTextField, LabelledFormField } from "@/components/ui/form-fields";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { LoginTokenUserPicker, type PickedUser } from "@/app/(admin)/users/login-tokens/_components/login-token-user-picker";
import { EXTRA_MAX_LENGTH, type CreateLoginTokenInput } from "@/lib/login-tokens/schemas";
import { cn } from "@/lib/utils";

/** The settings the create and edit dialogs share; whom a token is for is set once, in the create dialog. */
export type LoginTokenFieldValues = Pick<
  CreateLoginTokenInput,
  "expiresAt" | "extra" | "oneTimeUse" | "maxUses" | "useWindowMinutes" | "referrer" | "redirectPath"
>;
export const LOGIN_TOKEN_FIELDS = ["expiresAt", "extra", "oneTimeUse", "maxUses", "useWindowMinutes", "referrer", "redirectPath"] as const;

/** A number field whose empty state means null ("unlimited", "until it expires"); what is typed is kept for the schema to judge. */
function OptionalNumberField({ name, label, placeholder, min }: { name: "maxUses" | "useWindowMinutes"; label: string; placeholder: string; min: number }) {
  const form = useFormContext<LoginTokenFieldValues>();
  return (
    <LabelledFormField control={form.control} name={name} label={label}>
      {(field) => (
        <Input
          type="number"
          inputMode="numeric"
          min={min}
          placeholder={placeholder}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={field.value ?? ""}
          onChange={(event) => field.onChange(event.target.value.trim() === "" ? null : Number(event.target.value))}
        />
      )}
    </LabelledFormField>
  );
}

const HOUR = 3_600_000;
const from = (ms: number) => () => new Date(Date.now() + ms);
const EXPIRY_PRESETS: DateTimePreset[] = [
  { label: "1 hour", at: from(HOUR) },
  { label: "1 day", at: from(24 * HOUR) },
  { label: "7 days", at: from(7 * 24 * HOUR) },
  { label: "30 days", at: from(30 * 24 * HOUR) },
  { label: "Never", at: () => null },
];

const number = new Intl.NumberFormat("en-GB");

/**
 * The create dialog's choice of person, bound to the surrounding
 * react-hook-form. `initialUser` names the person the form starts with,
 * since the form itself only holds their type and id.
 */
export function LoginTokenUserField({ initialUser }: { initialUser: PickedUser | null }) {
  const form = useFormContext<Pick<CreateLoginTokenInput, "user">>();
  const [picked, setPicked] = useState<PickedUser | null>(initialUser);
  return (
    <LabelledFormField
      control={form.control}
      name="user"
      label="Select contact or customer"
      description="Leave empty for an anonymous token, e.g. for an OCI punch-out session. It cannot change later."
    >
      {(field) => (
        <LoginTokenUserPicker
          value={field.value && picked && picked.type === field.value.type && picked.id === field.value.id ? picked : null}
          onChange={(user) => {
            setPicked(user);
            field.onChange(user ? { type: user.type, id: user.id } : null);
          }}
          onBlur={field.onBlur}
          emptyLabel="Anonymous (no user)"
        />
      )}
    </LabelledFormField>
  );
}

/** Expiry, extra, one time use and the two redemption limits, bound to the surrounding react-hook-form. */
export function LoginTokenFormFields() {
  const form = useFormContext<LoginTokenFieldValues>();
  const extra = useWatch({ control: form.control, name: "extra" }) ?? "";
  const extraTooLong = extra.trim().length > EXTRA_MAX_LENGTH;
  const oneTimeUse = useWatch({ control: form.control, name: "oneTimeUse" });

  return (
    <>
      <LabelledFormField control={form.control} name="expiresAt" label="Expires at">
        {(field) => (
          <DateTimePicker
            value={field.value ?? null}
            onChange={field.onChange}
            onBlur={field.onBlur}
            presets={EXPIRY_PRESETS}
            emptyLabel="Never expires"
            earliest={new Date()}
          />
        )}
      </LabelledFormField>
      <LabelledFormField
        control={form.control}
        name="extra"
        label="Extra"
        description={
          <span className="flex justify-between gap-3">
            <span>Shown to staff and passed to the webshop on redemption.</span>
            <span className={cn("shrink-0 tabular-nums", extraTooLong && "font-medium text-destructive")} aria-live="polite">
              {number.format(extra.length)} / {number.format(EXTRA_MAX_LENGTH)}
            </span>
          </span>
        }
      >
        {/* No maxLength: a longer paste is kept whole, and the limit is said at the field, as for every other one. */}
        {(field) => <Textarea rows={3} placeholder="Anything the webshop or integration should know" {...field} value={field.value ?? ""} />}
      </LabelledFormField>
      <FormCheckboxField control={form.control} name="oneTimeUse" label="One time use" description="The link works once, then the token is used up." />
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        {!oneTimeUse && <OptionalNumberField name="maxUses" label="Max uses (optional)" placeholder="Unlimited" min={2} />}
        <OptionalNumberField name="useWindowMinutes" label="Minutes after first use (optional)" placeholder="Until it expires" min={1} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <FormTextField
          control={form.control}
          name="referrer"
          label="Allowed referrer (optional)"
          placeholder="https://procurement.example.com"
          autoComplete="off"
        />
        <FormTextField
          control={form.control}
          name="redirectPath"
          label="Redirect path (optional)"
          description="Where the visitor lands; the shop's start page, /shop, when empty."
          placeholder="/shop"
          autoComplete="off"
        />
      </div>
    </>
  );
}
