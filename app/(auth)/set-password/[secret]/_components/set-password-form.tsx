"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useForm, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { SIGN_IN_EMAIL_INPUT } from "@/app/(auth)/_components/sign-in-email";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormRoot } from "@/components/ui/form";
import { FormTextField } from "@/components/ui/form-fields";
import { PendingButton } from "@/components/ui/pending-button";
import { applyActionErrors } from "@/lib/actions/action-form-errors";
import { setPasswordAction, setUpAction } from "@/lib/staff/link-actions";
import { PASSWORD_MIN_LENGTH, setPasswordSchema, setUpSchema } from "@/lib/staff/schemas";

type Values = z.input<typeof setUpSchema>;
const FIELDS: Path<Values>[] = ["email", "name", "password", "confirm"];

/** One form for both links; the set-up link also asks who the first administrator is. */
export function SetPasswordForm({ secret, setUp }: { secret: string; setUp: boolean }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({
    // An invitee's email and name are known already: only the set-up asks for them.
    resolver: (setUp ? zodResolver(setUpSchema) : zodResolver(setPasswordSchema)) as Resolver<Values>,
    defaultValues: { secret, email: "", name: "", password: "", confirm: "" },
  });

  async function onSubmit(values: Values) {
    setProblem(null);
    const result = setUp ? await setUpAction(values) : await setPasswordAction({ secret, password: values.password, confirm: values.confirm });
    if (result?.data?.done) return setDone(true);
    setProblem(applyActionErrors(result, form.setError, FIELDS));
  }

  if (done) {
    return (
      <div className="grid gap-4 text-sm">
        <p>Your password is set.</p>
        <Button asChild size="lg">
          <Link href="/login">Sign in</Link>
        </Button>
      </div>
    );
  }

  const pending = form.formState.isSubmitting;
  return (
    <FormRoot form={form} onSubmit={onSubmit}>
      {problem && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden />
          <AlertTitle>{problem}</AlertTitle>
        </Alert>
      )}
      {setUp && (
        <>
          <FormTextField control={form.control} name="email" label="Email" {...SIGN_IN_EMAIL_INPUT} autoFocus />
          <FormTextField control={form.control} name="name" label="Name" autoComplete="name" />
        </>
      )}
      <FormTextField
        control={form.control}
        name="password"
        label="New password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`}
        type="password"
        autoComplete="new-password"
        autoFocus={!setUp}
      />
      <FormTextField control={form.control} name="confirm" label="New password again" type="password" autoComplete="new-password" />
      <PendingButton type="submit" size="lg" className="mt-1 w-full" pending={pending}>
        {setUp ? "Set up and become administrator" : "Set password"}
      </PendingButton>
    </FormRoot>
  );
}
