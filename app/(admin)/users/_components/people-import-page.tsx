import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { PeopleImport } from "@/app/(admin)/users/_components/people-import";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import type { ImportKind } from "@/lib/people/import-schema";

const TEXT = {
  contact: { title: "Import contacts", back: "Contacts", path: "/users/contacts" },
  customer: { title: "Import customers", back: "Customers", path: "/users/customers" },
} as const;

/** The server half of both import pages: editors only (`people.manage`); the route checks again. */
export async function PeopleImportPage({ kind }: { kind: ImportKind }) {
  const text = TEXT[kind];
  await requirePagePermission("people.manage", `${text.path}/import`);
  return (
    <>
      <PageHeader
        title={text.title}
        description="Bring people in from a CSV file exported by the webshop or a CRM: check what it would do, then import it in one go."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={text.path}>
              <ArrowLeftIcon aria-hidden />
              {text.back}
            </Link>
          </Button>
        }
      />
      <PeopleImport kind={kind} />
    </>
  );
}
