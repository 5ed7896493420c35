"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { LoaderCircleIcon } from "lucide-react";
import { useForm, type Path } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { changePasswordAction } from "@/lib/staff/account-actions";
import { changePasswordSchema, PASSWORD_MIN_LENGTH, type ChangePasswordInput } from "@/lib/staff/schemas";

const FIELDS: Path<ChangePasswordInput>[] = ["current", "password", "confirm"];
const LABELS: Record<(typeof FIELDS)[number], string> = { current: "Current password", password: "New password", confirm: "New password again" };

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { current: "", password: "", confirm: "" } });

  async function onSubmit(values: ChangePasswordInput) {
    const result = await changePasswordAction(values);
    if (result?.data) {
      toast.success("Password changed", { description: "Your other sessions were ended." });
      form.reset();
      return;
    }
    const message = applyActionErrors(result, form.setError, FIELDS);
    if (message) toast.error("The password was not changed", { description: message });
  }

  return (
    <Form {...form}>
      <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4">
        {FIELDS.map((name) => (
          <FormField
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <FormItem>
                <FormLabel>{LABELS[name]}</FormLabel>
                <FormControl>
                  <Input type="password" autoComplete={name === "current" ? "current-password" : "new-password"} {...field} />
                </FormControl>
                {name === "password" && <FormDescription>At least {PASSWORD_MIN_LENGTH} characters, and not a common password.</FormDescription>}
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <Button type="submit" className="justify-self-start" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting && <LoaderCircleIcon className="animate-spin" aria-hidden />}
          Change password
        </Button>
      </form>
    </Form>
  );
}
