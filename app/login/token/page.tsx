import type { Metadata } from "next";
import { headers } from "next/headers";
import { ContinueForm } from "@/app/login/token/_components/continue-form";
import { InvalidLoginLink } from "@/app/login/token/_components/invalid-login-link";
import { LoginLinkShell } from "@/app/login/token/_components/login-link-shell";
import { refererOrigin, signReferrerProof } from "@/lib/redemption/referrer-proof";
import { loginLinkQuerySchema } from "@/lib/redemption/schemas";
import { safeRelativePath } from "@/lib/utils";

// proxy.ts sends this page with Referrer-Policy: no-referrer and Cache-Control: no-store.
export const metadata: Metadata = { title: "Continue to the webshop", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The login link. A GET never redeems and never counts: it only checks that
 * the link could hold a token and shows the form whose POST redeems it.
 */
export default async function LoginLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const query = loginLinkQuerySchema.safeParse(await searchParams);
  if (!query.success) return <InvalidLoginLink />;
  const { t } = query.data;
  const origin = refererOrigin((await headers()).get("referer"));
  const redirect = safeRelativePath(query.data.redirect, "") || undefined;

  return (
    <LoginLinkShell title="Continue to the webshop" description="You opened a login link for the webshop. Continue to be signed in.">
      <ContinueForm t={t} proof={origin ? signReferrerProof(origin, t) : undefined} redirect={redirect} />
    </LoginLinkShell>
  );
}
