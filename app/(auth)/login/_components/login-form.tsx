"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlertIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SIGN_IN_EMAIL_INPUT } from "@/app/(auth)/_components/sign-in-email";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormRoot } from "@/components/ui/form";
import { FormOneTimeCodeField, FormTextField } from "@/components/ui/form-fields";
import { PendingButton } from "@/components/ui/pending-button";
import { signInSchema } from "@/lib/auth/schemas";
import { SECOND_FACTOR_REQUIRED, SECOND_FACTOR_WRONG, SIGN_IN_UNAVAILABLE, signInProblem } from "@/lib/auth/sign-in-messages";
import { secondFactorCodeSchema } from "@/lib/staff/schemas";

type Credentials = { email: string; password: string };
type Outcome = "signed in" | { error: string };

const codeSchema = z.object({ code: secondFactorCodeSchema });

/** Signs in with next-auth's credentials provider; what went wrong comes back as next-auth's error string. */
async function signInWith(values: Credentials & { code?: string }, returnTo: string): Promise<Outcome> {
  try {
    const result = await signIn("credentials", { redirect: false, ...values, callbackUrl: returnTo });
    if (result?.ok && !result.error) return "signed in";
    return { error: !result || result.status >= 500 ? "Unavailable" : (result.error ?? "CredentialsSignin") };
  } catch {
    return { error: "Unavailable" };
  }
}

function Problem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <Alert variant="destructive" role="alert" id="sign-in-problem">
      <CircleAlertIcon aria-hidden />
      <AlertTitle>{problem}</AlertTitle>
    </Alert>
  );
}

/**
 * Email and password, then, for staff with a second factor, its code. The
 * password stays in this component's memory for the second step, which sends
 * it again with the code: the server keeps nothing half-signed-in.
 * `returnTo` has been checked on the server to be a path on this origin.
 */
export function LoginForm({ returnTo, initialProblem = null }: { returnTo: string; initialProblem?: string | null }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const [leaving, setLeaving] = useState(false);
  // Set once the password was right and a code is asked for.
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  function signedIn() {
    setLeaving(true);
    router.replace(returnTo);
    // The server components were rendered for a visitor; fetch them again as the signed-in person.
    router.refresh();
  }

  async function onSubmit(values: z.output<typeof signInSchema>) {
    setProblem(null);
    const outcome = await signInWith({ email: values.email, password: values.password }, returnTo);
    if (outcome === "signed in") return signedIn();
    if (outcome.error === SECOND_FACTOR_REQUIRED) {
      setCredentials({ email: values.email, password: values.password });
      return;
    }
    setProblem(outcome.error === "Unavailable" ? SIGN_IN_UNAVAILABLE : signInProblem(outcome.error));
    form.resetField("password");
    form.setFocus("password");
  }

  function back() {
    setCredentials(null);
    setProblem(null);
    form.resetField("password");
  }

  if (credentials) return <SecondFactorStep credentials={credentials} returnTo={returnTo} leaving={leaving} onSignedIn={signedIn} onBack={back} />;

  const pending = form.formState.isSubmitting || leaving;

  return (
    <FormRoot form={form} onSubmit={onSubmit} aria-describedby={problem ? "sign-in-problem" : undefined}>
      <Problem problem={problem} />

      <FormTextField control={form.control} name="email" label="Email" {...SIGN_IN_EMAIL_INPUT} inputMode="email" placeholder="you@company.com" autoFocus />

      <FormTextField control={form.control} name="password" label="Password" type="password" autoComplete="current-password" />

      <PendingButton type="submit" size="lg" className="mt-1 w-full" pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </PendingButton>
    </FormRoot>
  );
}

function SecondFactorStep({
  credentials,
  returnTo,
  leaving,
  onSignedIn,
  onBack,
}: {
  credentials: Credentials;
  returnTo: string;
  leaving: boolean;
  onSignedIn: () => void;
  onBack: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);
  const form = useForm<z.input<typeof codeSchema>, unknown, z.output<typeof codeSchema>>({ resolver: zodResolver(codeSchema), defaultValues: { code: "" } });

  async function onSubmit({ code }: z.output<typeof codeSchema>) {
    setProblem(null);
    const outcome = await signInWith({ ...credentials, code }, returnTo);
    if (outcome === "signed in") return onSignedIn();
    // The password stopped working meanwhile (reset, deactivated): start again from it.
    if (outcome.error === "CredentialsSignin") return onBack();
    const message = outcome.error === "Unavailable" ? SIGN_IN_UNAVAILABLE : signInProblem(outcome.error);
    if (outcome.error === SECOND_FACTOR_WRONG) form.setError("code", { message: message ?? undefined }, { shouldFocus: true });
    else setProblem(message);
    form.resetField("code", { keepError: true });
  }

  const pending = form.formState.isSubmitting || leaving;

  return (
    <FormRoot form={form} onSubmit={onSubmit} aria-describedby={problem ? "sign-in-problem" : undefined}>
      <div className="grid gap-1">
        <h2 className="text-base font-semibold">Two-factor authentication</h2>
        <p className="text-sm text-muted-foreground">
          {recovery ? "Enter one of the recovery codes you saved. Each works once." : "Enter the 6-digit code your authenticator app shows for Latchkey."}
        </p>
      </div>
      <Problem problem={problem} />
      <FormOneTimeCodeField
        key={recovery ? "recovery" : "totp"}
        control={form.control}
        name="code"
        label={recovery ? "Recovery code" : "Code"}
        inputMode={recovery ? "text" : "numeric"}
        autoCapitalize="none"
        spellCheck={false}
        placeholder={recovery ? "xxxx-xxxx-xxxx" : "123456"}
        autoFocus
      />
      <PendingButton type="submit" size="lg" className="mt-1 w-full" pending={pending}>
        {pending ? "Signing in…" : "Verify and sign in"}
      </PendingButton>
      <div className="flex items-center justify-between gap-3 text-sm">
        <Button variant="link" size="sm" onClick={onBack}>
          Back
        </Button>
        <Button
          variant="link"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            form.clearErrors();
          }}
        >
          {recovery ? "Use the app's code" : "Use a recovery code"}
        </Button>
      </div>
    </FormRoot>
  );
}
