import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { CreateLoginTokenDialog } from "@/app/(admin)/users/login-tokens/_components/create-login-token-dialog";
import { EditLoginTokenDialog } from "@/app/(admin)/users/login-tokens/_components/edit-login-token-dialog";
import { LoginTokensTable } from "@/app/(admin)/users/login-tokens/_components/login-tokens-table";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getLoginTokenDetails, listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { findTokenUser } from "@/lib/login-tokens/users";

export const metadata: Metadata = { title: "Login Tokens" };

/**
 * Reads the table's state from the URL and starts its queries without
 * waiting for them: the client table `use()`s the promises under Suspense,
 * so the page frame and header render at once and a skeleton holds the place.
 */
export default async function LoginTokensPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePagePermission("loginTokens.read", "/users/login-tokens");
  const canWrite = can(staff, "loginTokens.write");
  const params = await loadLoginTokensSearchParams(searchParams);

  const pagePromise = listLoginTokens({ filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: params.page, perPage: params.perPage, cursor: params.cursor });
  // The filter chip names the picked person; a person who no longer exists still filters by id.
  const filterUserPromise = params.user ? findTokenUser(params.user).catch(() => null) : Promise.resolve(null);
  const preselected = params.newFor && canWrite ? await findTokenUser(params.newFor).catch(() => null) : null;
  const opened = params.token;
  const detailsPromise = opened ? getLoginTokenDetails(opened).then((details) => ({ id: opened, details })) : Promise.resolve(null);

  return (
    <>
      <PageHeader
        title="Login Tokens"
        description="Secret links that sign a contact or customer into the webshop without a password."
        actions={
          canWrite && (
            <CreateLoginTokenDialog key={preselected ? `${preselected.type}:${preselected.id}` : "new"} reasonRequired={env().REQUIRE_IMPERSONATION_REASON} preselectedUser={preselected} />
          )
        }
      />
      <Suspense fallback={<DataTableSkeleton columns={canWrite ? 10 : 9} label="Loading login tokens" />}>
        <LoginTokensTable pagePromise={pagePromise} filterUserPromise={filterUserPromise} canWrite={canWrite} />
      </Suspense>
      <Suspense>
        <EditLoginTokenDialog detailsPromise={detailsPromise} canWrite={canWrite} />
      </Suspense>
    </>
  );
}
