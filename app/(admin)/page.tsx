import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { ACCOUNT_PATH, currentStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Home" };

// The start page: staff who may see login tokens go straight to them; the
// others get a short explanation instead of an empty screen.
export default async function HomePage() {
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  if (staff.mfaSetupRequired) redirect(ACCOUNT_PATH);
  if (can(staff, "loginTokens.read")) redirect("/users/login-tokens");

  const firstName = staff.name.split(" ")[0] ?? staff.name;
  return (
    <div className="flex min-h-[60svh] items-center justify-center">
      <EmptyState
        headingLevel={1}
        icon={<KeyRoundIcon aria-hidden />}
        title={`Welcome, ${firstName}`}
        description={
          <>
            <p>Latchkey manages the login links that sign contacts and customers into the webshop.</p>
            <p className="mt-2">Your account has no pages here yet: login tokens need the Configuration role. Ask a Latchkey administrator if you need it.</p>
          </>
        }
      />
    </div>
  );
}
