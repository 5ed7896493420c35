import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { createSerializer, type SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { CreateLoginTokenDialog } from "@/app/(admin)/users/login-tokens/_components/create-login-token-dialog";
import { LoginTokenCreateProvider } from "@/app/(admin)/users/login-tokens/_components/login-token-create-context";
import { EditLoginTokenDialog } from "@/app/(admin)/users/login-tokens/_components/edit-login-token-dialog";
import { LoginTokenSavedRowsProvider } from "@/app/(admin)/users/login-tokens/_components/login-token-saved-rows";
import { LoginTokensTable } from "@/app/(admin)/users/login-tokens/_components/login-tokens-table";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getLoginTokenDetails, listLoginTokens } from "@/lib/login-tokens/queries";
import { NO_TOKEN_ID, resolvePastedTokenIds } from "@/lib/login-tokens/pasted-ids";
import { loadLoginTokensSearchParams, loginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { UUID_PATTERN } from "@/lib/url-parsers";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { listPunchoutBuyerOptions } from "@/lib/login-tokens/punchout-buyer-options";
import { findTokenUser } from "@/lib/login-tokens/users";

export const metadata: Metadata = { title: "Login Tokens" };

const serialize = createSerializer(loginTokensSearchParams);

/**
 * Reads the table's state from the URL and starts its queries without
 * waiting for them: the client table `use()`s the promises under Suspense,
 * so the page frame and header render at once and a skeleton holds the place.
 */
export default async function LoginTokensPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePagePermission("loginTokens.read", "/users/login-tokens");
  const canWrite = can(staff, "loginTokens.write");
  const params = await loadLoginTokensSearchParams(searchParams);
  if (params.ids?.some((id) => !UUID_PATTERN.test(id))) {
    // A token value typed or pasted into the address: it leaves at once, replaced by its token's public id.
    const { ids, byValue } = await resolvePastedTokenIds(params.ids);
    redirect(serialize("/users/login-tokens", { ...params, ids: ids.length > 0 ? ids : [NO_TOKEN_ID], byValue: byValue || null }));
  }

  const pagePromise = listLoginTokens({
    filters: loginTokenFiltersFromSearchParams(params),
    sort: params.sort,
    page: params.page,
    perPage: params.perPage,
    cursor: params.cursor,
  });
  // The filter chip names the picked person; a person who no longer exists still filters by id.
  const filterUserPromise = params.user ? findTokenUser(params.user).catch(() => null) : Promise.resolve(null);
  const punchoutBuyersPromise = listPunchoutBuyerOptions();
  const preselected = params.newFor && canWrite ? await findTokenUser(params.newFor).catch(() => null) : null;
  const opened = params.token;
  const detailsPromise = opened ? getLoginTokenDetails(opened).then((details) => ({ id: opened, details })) : Promise.resolve(null);

  const { DEFAULT_TOKEN_EXPIRY_DAYS, DEFAULT_ONE_TIME_USE, REQUIRE_IMPERSONATION_REASON } = env();
  return (
    <LoginTokenCreateProvider key={preselected ? `${preselected.type}:${preselected.id}` : "new"} initialUser={preselected}>
      <PageHeader
        title="Login Tokens"
        description="Secret links that sign a contact or customer into the webshop without a password."
        actions={
          canWrite && (
            <CreateLoginTokenDialog
              reasonRequired={REQUIRE_IMPERSONATION_REASON}
              defaults={{ expiryDays: DEFAULT_TOKEN_EXPIRY_DAYS, oneTimeUse: DEFAULT_ONE_TIME_USE }}
            />
          )
        }
      />
      <LoginTokenSavedRowsProvider>
        <Suspense fallback={<DataTableSkeleton columns={canWrite ? 11 : 10} label="Loading login tokens" />}>
          <LoginTokensTable pagePromise={pagePromise} filterUserPromise={filterUserPromise} punchoutBuyersPromise={punchoutBuyersPromise} canWrite={canWrite} />
        </Suspense>
        <Suspense>
          <EditLoginTokenDialog detailsPromise={detailsPromise} canWrite={canWrite} />
        </Suspense>
      </LoginTokenSavedRowsProvider>
    </LoginTokenCreateProvider>
  );
}
