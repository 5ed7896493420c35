import { ShoppingCartIcon } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CreatePunchoutBuyerDialog } from "@/app/(admin)/settings/punchout-buyers/_components/create-punchout-buyer-dialog";
import { PunchoutBuyersTable } from "@/app/(admin)/settings/punchout-buyers/_components/punchout-buyers-table";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { listCompanyChoices, listPunchoutBuyers } from "@/lib/punchout/buyers";

export const metadata: Metadata = { title: "Punch-out buyers" };

export default async function PunchoutBuyersPage() {
  await requirePagePermission("punchoutBuyers.manage", "/settings/punchout-buyers");
  const [buyers, companies] = await Promise.all([listPunchoutBuyers(), listCompanyChoices()]);
  const appUrl = env().APP_URL;

  return (
    <>
      <PageHeader
        title="Punch-out buyers"
        description="Procurement systems of customer companies that open the shop through SAP OCI or cXML and take the cart back instead of checking out."
        actions={<CreatePunchoutBuyerDialog companies={companies} appUrl={appUrl} />}
      />
      <div className="overflow-hidden rounded-lg border bg-card">
        {buyers.length === 0 ? (
          <EmptyState
            icon={<ShoppingCartIcon aria-hidden />}
            title="No punch-out buyers yet"
            description="Add a buyer for each procurement system. Its password or shared secret is shown once, when it is added."
          >
            <CreatePunchoutBuyerDialog companies={companies} appUrl={appUrl} variant="outline" />
          </EmptyState>
        ) : (
          <PunchoutBuyersTable buyers={buyers} />
        )}
      </div>
    </>
  );
}
