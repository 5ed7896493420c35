import type { Metadata } from "next";
import { ChangePasswordForm } from "@/app/(admin)/account/_components/change-password-form";
import { OwnSessionsTable } from "@/app/(admin)/account/_components/own-sessions-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { ownSessions } from "@/lib/staff/account-queries";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const staff = await requirePagePermission("account.manage", "/account");
  const sessions = await ownSessions(staff.id, staff.sessionId);

  return (
    <>
      <PageHeader title="My account" description={`${staff.name} · ${staff.email}`} />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <section aria-labelledby="password-heading" className="rounded-lg border bg-card p-5">
          <h2 id="password-heading" className="mb-4 text-base font-semibold">
            Change password
          </h2>
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-3 text-base font-semibold">
            Active sessions
          </h2>
          <OwnSessionsTable sessions={sessions} />
        </section>
      </div>
    </>
  );
}
