"use client";

import type { ComponentProps, ReactElement, ReactNode } from "react";
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectOptions, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";

type FieldProps<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed> = {
  control: Control<TValues, unknown, TTransformed>;
  name: TName;
  label: ReactNode;
  description?: ReactNode;
};

/**
 * One form field laid out the one way every form here does: its label, the
 * control `children` draws for it, an optional description, and its error.
 */
export function LabelledFormField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>({
  control,
  name,
  label,
  description,
  className,
  children,
}: FieldProps<TValues, TName, TTransformed> & { className?: string; children: (field: ControllerRenderProps<TValues, TName>) => ReactElement }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{children(field)}</FormControl>
          {description && <FormDescription>{description}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

type InputProps = Omit<ComponentProps<typeof Input>, "name" | "value" | "defaultValue" | "onChange" | "onBlur" | "ref">;
type TextFieldProps<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed> = FieldProps<TValues, TName, TTransformed> &
  InputProps & { itemClassName?: string };

/** A labelled text input; an empty (null) value shows as an empty box. */
export function FormTextField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>({
  control,
  name,
  label,
  description,
  itemClassName,
  ...input
}: TextFieldProps<TValues, TName, TTransformed>) {
  return (
    <LabelledFormField control={control} name={name} label={label} description={description} className={itemClassName}>
      {(field) => <Input {...input} {...field} value={(field.value as string | null | undefined) ?? ""} />}
    </LabelledFormField>
  );
}

/** The code an authenticator app shows: digits on a phone's keyboard, offered by its password manager, in a monospaced face. */
export function FormOneTimeCodeField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>({
  className,
  ...props
}: TextFieldProps<TValues, TName, TTransformed>) {
  return <FormTextField inputMode="numeric" autoComplete="one-time-code" className={cn("font-mono tracking-widest", className)} {...props} />;
}

/** A yes/no setting: the box first, then its label and what it means. */
export function FormCheckboxField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>({
  control,
  name,
  label,
  description,
  disabled,
}: FieldProps<TValues, TName, TTransformed> & { disabled?: boolean }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className="flex items-start gap-2.5">
          <FormControl>
            <Checkbox
              checked={field.value ?? false}
              disabled={disabled}
              onCheckedChange={(checked) => field.onChange(checked === true)}
              onBlur={field.onBlur}
              className="mt-0.5"
            />
          </FormControl>
          <div className="grid gap-0.5">
            <FormLabel className="font-normal">{label}</FormLabel>
            {description && <FormDescription>{description}</FormDescription>}
            <FormMessage />
          </div>
        </FormItem>
      )}
    />
  );
}

const NONE = "none";

/**
 * One of `options` by its numeric id, as a select; `none`, if given, names the
 * first choice, which stands for no row (null). `onPicked` runs after a choice.
 */
export function FormIdSelectField<TValues extends FieldValues, TName extends FieldPath<TValues>, TTransformed = TValues>({
  control,
  name,
  label,
  description,
  options,
  none,
  placeholder,
  disabled,
  onPicked,
}: FieldProps<TValues, TName, TTransformed> & {
  options: readonly { id: number; label: string }[];
  none?: string;
  placeholder?: string;
  disabled?: boolean;
  onPicked?: () => void;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <Select
            value={field.value != null ? String(field.value) : none ? NONE : ""}
            onValueChange={(value) => {
              field.onChange(value === NONE ? null : Number(value));
              onPicked?.();
            }}
          >
            <FormControl>
              <SelectTrigger className="w-full" disabled={disabled} onBlur={field.onBlur}>
                <SelectValue placeholder={placeholder} />
              </SelectTrigger>
            </FormControl>
            <SelectOptions
              none={none ? { value: NONE, label: none } : undefined}
              options={options.map((option) => ({ value: String(option.id), label: option.label }))}
            />
          </Select>
          {description && <FormDescription>{description}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
