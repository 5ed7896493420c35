import type { Metadata } from "next";
import { headers } from "next/headers";
import { ContinueForm } from "@/app/login/token/_components/continue-form";
import { InvalidLoginLink } from "@/app/login/token/_components/invalid-login-link";
import { VisitorPage } from "@/app/_components/visitor-page";
import { env } from "@/lib/env";
import { PAGE_PROOF_MIN_AGE_MS, refererOrigin, signPageProof } from "@/lib/redemption/page-proof";
import { loginLinkQuerySchema } from "@/lib/redemption/schemas";
import { safeRelativePath } from "@/lib/utils";

// proxy.ts sends this page with no Referer and no caching (pageHeaders in lib/security/headers.ts).
export async function generateMetadata(): Promise<Metadata> {
  return { title: `Continue to ${env().SHOP_NAME}`, referrer: "no-referrer" };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The login link. A GET never redeems and never counts: it only checks that
 * the link could hold a token and shows the form whose POST redeems it, with
 * the page proof that POST must carry. The page names only the shop: whoever
 * holds the link (or a scanner that opened it) learns nothing about whose it is.
 */
export default async function LoginLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const query = loginLinkQuerySchema.safeParse(await searchParams);
  if (!query.success) return <InvalidLoginLink />;
  const { t } = query.data;
  const origin = refererOrigin((await headers()).get("referer"));
  const redirect = safeRelativePath(query.data.redirect, "") || undefined;
  const title = `Continue to ${env().SHOP_NAME}`;

  return (
    <VisitorPage title={title} description="Select the button to sign in with this login link.">
      <ContinueForm t={t} proof={signPageProof(t, origin)} redirect={redirect} label={title} minAgeMs={PAGE_PROOF_MIN_AGE_MS} />
    </VisitorPage>
  );
}
