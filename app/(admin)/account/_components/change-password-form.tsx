"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Path } from "react-hook-form";
import { FormRoot } from "@/components/ui/form";
import { FormTextField } from "@/components/ui/form-fields";
import { PendingButton } from "@/components/ui/pending-button";
import { toast } from "@/components/ui/sonner";
import { submitToAction } from "@/components/actions/submit-to-action";
import { changePasswordAction } from "@/lib/staff/account-actions";
import { changePasswordSchema, PASSWORD_MIN_LENGTH, type ChangePasswordInput } from "@/lib/staff/schemas";

const FIELDS: Path<ChangePasswordInput>[] = ["current", "password", "confirm"];
const LABELS: Record<(typeof FIELDS)[number], string> = { current: "Current password", password: "New password", confirm: "New password again" };

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: { current: "", password: "", confirm: "" } });

  const onSubmit = submitToAction(form, changePasswordAction, FIELDS, "The password was not changed", () => {
    toast.success("Password changed", { description: "Your other sessions were ended." });
    form.reset();
  });

  return (
    <FormRoot form={form} onSubmit={onSubmit}>
      {FIELDS.map((name) => (
        <FormTextField
          key={name}
          control={form.control}
          name={name}
          label={LABELS[name]}
          description={name === "password" && `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`}
          type="password"
          autoComplete={name === "current" ? "current-password" : "new-password"}
        />
      ))}
      <PendingButton type="submit" className="justify-self-start" pending={form.formState.isSubmitting}>
        Change password
      </PendingButton>
    </FormRoot>
  );
}
