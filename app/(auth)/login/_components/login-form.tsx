"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/auth/schemas";
import { SIGN_IN_UNAVAILABLE, signInProblem } from "@/lib/auth/sign-in-messages";

/** `returnTo` has been checked on the server to be a path on this origin. */
export function LoginForm({ returnTo, initialProblem = null }: { returnTo: string; initialProblem?: string | null }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const [leaving, setLeaving] = useState(false);
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: z.output<typeof signInSchema>) {
    setProblem(null);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn("credentials", { redirect: false, email: values.email, password: values.password, callbackUrl: returnTo });
    } catch {
      result = undefined;
    }
    if (result?.ok && !result.error) {
      setLeaving(true);
      router.replace(returnTo);
      // The server components were rendered for a visitor; fetch them again as the signed-in person.
      router.refresh();
      return;
    }
    setProblem(!result || result.status >= 500 ? SIGN_IN_UNAVAILABLE : signInProblem(result.error ?? "CredentialsSignin"));
    form.resetField("password");
    form.setFocus("password");
  }

  const pending = form.formState.isSubmitting || leaving;

  return (
    <Form {...form}>
      <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="grid gap-4" aria-describedby={problem ? "sign-in-problem" : undefined}>
        {problem && (
          <Alert variant="destructive" role="alert" id="sign-in-problem">
            <CircleAlertIcon aria-hidden />
            <AlertTitle>{problem}</AlertTitle>
          </Alert>
        )}

        <FormField
          control={form.control}
          name="email"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Email</FormLabel>
              <FormControl>
                <Input
                  type="email"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  inputMode="email"
                  placeholder="you@company.com"
                  autoFocus
                  {...field}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />

        <FormField
          control={form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Password</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="current-password" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />

        <Button type="submit" size="lg" className="mt-1 w-full" disabled={pending}>
          {pending && <LoaderCircleIcon className="animate-spin" aria-hidden />}
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </Form>
  );
}
