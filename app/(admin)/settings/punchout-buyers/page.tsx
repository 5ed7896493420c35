import { ShoppingCartIcon } from "lucide-react";
import type { Metadata } from "next";
import { SettingsListPage } from "@/app/(admin)/settings/_components/settings-list-page";
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
    <SettingsListPage
      title="Punch-out buyers"
      description="Procurement systems of customer companies that open the shop through SAP OCI or cXML and take the cart back instead of checking out."
      create={(variant) => <CreatePunchoutBuyerDialog companies={companies} appUrl={appUrl} variant={variant} />}
      empty={buyers.length === 0}
      emptyState={{
        icon: <ShoppingCartIcon aria-hidden />,
        title: "No punch-out buyers yet",
        description: "Add a buyer for each procurement system. Its password or shared secret is shown once, when it is added.",
      }}
    >
      <PunchoutBuyersTable buyers={buyers} />
    </SettingsListPage>
  );
}
