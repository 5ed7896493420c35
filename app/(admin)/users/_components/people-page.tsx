import type { SearchParams } from "nuqs/server";
import { UploadIcon } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { PeopleTable } from "@/app/(admin)/users/_components/people-table";
import { DataTableSkeleton } from "@/components/data-table/data-table-skeleton";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { peoplePageByNumber, type PeopleKind } from "@/lib/people/queries";
import { loadPeopleSearchParams, peopleFiltersOf } from "@/lib/people/search-params";

const TEXT = {
  contact: {
    title: "Contacts",
    path: "/users/contacts",
    description: "The webshop's B2B buyers, kept in sync by the webshop. Find one and open the shop as them.",
  },
  customer: {
    title: "Customers",
    path: "/users/customers",
    description: "The webshop's B2C buyers, kept in sync by the webshop. Find one and open the shop as them.",
  },
} as const;

/** The server half of both people pages: the URL's state read, the queries started, the table streamed in. */
export async function PeoplePage({ kind, searchParams }: { kind: PeopleKind; searchParams: Promise<SearchParams> }) {
  const text = TEXT[kind];
  const staff = await requirePagePermission("people.read", text.path);
  const params = await loadPeopleSearchParams(searchParams);
  const pagePromise = peoplePageByNumber(kind, peopleFiltersOf(params), params.page, params.perPage);
  const abilities = {
    canLogInAs: can(staff, "loginTokens.write"),
    canOverride: can(staff, "impersonation.override"),
    reasonRequired: env().REQUIRE_IMPERSONATION_REASON,
    logInAsMinutes: env().LOG_IN_AS_MINUTES,
  };
  return (
    <>
      <PageHeader
        title={text.title}
        description={text.description}
        actions={
          can(staff, "people.manage") && (
            <Button asChild>
              <Link href={`${text.path}/import`}>
                <UploadIcon aria-hidden />
                Import
              </Link>
            </Button>
          )
        }
      />
      <Suspense fallback={<DataTableSkeleton columns={kind === "contact" ? 7 : 6} label={`Loading ${text.title.toLowerCase()}`} />}>
        <PeopleTable kind={kind} pagePromise={pagePromise} abilities={abilities} />
      </Suspense>
    </>
  );
}
