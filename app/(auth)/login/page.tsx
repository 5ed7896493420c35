import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/app/(auth)/login/_components/login-form";
import { SingleSignOnButton } from "@/app/(auth)/login/_components/single-sign-on-button";
import { currentStaff } from "@/lib/auth/session";
import { OIDC_PROVIDER_ID, oidcProvider } from "@/lib/auth/single-sign-on";
import { env } from "@/lib/env";
import { signInProblem } from "@/lib/auth/sign-in-messages";
import { noStaffYet } from "@/lib/staff/first-run";
import { safeRelativePath } from "@/lib/utils";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // Checked here, once, so the form only ever receives a path on this origin.
  const returnTo = safeRelativePath(params.callbackUrl);

  if (await currentStaff()) redirect(returnTo);
  const sso = oidcProvider();
  const passwordSignIn = env().PASSWORD_SIGNIN;
  const problem = signInProblem(typeof params.error === "string" ? params.error : null);

  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-muted/50 px-4 py-12">
      <div className="w-full max-w-[22rem]">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-xl bg-primary text-primary-foreground shadow-sm">
            <KeyRoundIcon className="size-5" strokeWidth={2.25} aria-hidden />
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Latchkey</h1>
            <p className="mt-1 text-sm text-muted-foreground">The back-office for the webshop&apos;s login tokens</p>
          </div>
        </div>

        {(await noStaffYet()) && (
          <div role="status" className="mb-4 rounded-lg border bg-card p-4 text-sm shadow-sm">
            <p className="font-medium">Latchkey has no staff accounts yet.</p>
            <p className="mt-1 text-muted-foreground">
              Whoever runs the server finds a one-time set-up link in what <code className="font-mono text-xs">npm start</code> printed, or creates the first
              administrator with <code className="font-mono text-xs">npm run staff:create -- --admin</code>.
            </p>
          </div>
        )}

        <div className="grid gap-5 rounded-xl border bg-card p-6 shadow-sm">
          {sso && (
            <>
              {!passwordSignIn && problem && (
                <p role="alert" className="text-sm text-destructive">
                  {problem}
                </p>
              )}
              <SingleSignOnButton providerId={OIDC_PROVIDER_ID} name={sso.name} returnTo={returnTo} primary={!passwordSignIn} />
            </>
          )}
          {sso && passwordSignIn && (
            <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden>
              <span className="h-px flex-1 bg-border" />
              or with your password
              <span className="h-px flex-1 bg-border" />
            </div>
          )}
          {passwordSignIn && <LoginForm returnTo={returnTo} initialProblem={problem} />}
        </div>

        <p className="mt-6 text-center text-xs text-muted-foreground">For webshop staff only. Every sign-in is recorded.</p>
      </div>
    </main>
  );
}
