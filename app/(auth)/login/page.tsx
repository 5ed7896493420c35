import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/app/(auth)/_components/auth-frame";
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
    <AuthFrame title="Sign in to Latchkey" lead="The back-office for the webshop's login tokens" className="max-w-[22rem]">
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
    </AuthFrame>
  );
}
