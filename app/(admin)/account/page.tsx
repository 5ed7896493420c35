import { ShieldAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/app/(admin)/account/_components/change-password-form";
import { OwnSessionsTable } from "@/app/(admin)/account/_components/own-sessions-table";
import { SecondFactorSection } from "@/app/(admin)/account/_components/second-factor-section";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_PATH, requirePagePermission } from "@/lib/auth/session";
import { ownSessions } from "@/lib/staff/account-queries";
import { secondFactorOf } from "@/lib/staff/totp";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const staff = await requirePagePermission("account.manage", ACCOUNT_PATH);
  const [sessions, secondFactor] = await Promise.all([ownSessions(staff.id, staff.sessionId), secondFactorOf(staff.id)]);

  return (
    <>
      <PageHeader title="My account" description={`${staff.name} · ${staff.email}`} />
      {staff.mfaSetupRequired && (
        <Alert variant="warning" className="mb-6 max-w-3xl">
          <ShieldAlertIcon aria-hidden />
          <AlertTitle>Set up two-factor authentication to continue</AlertTitle>
          <AlertDescription>This installation asks staff for a second factor. Until you set one up, only My account is open to you.</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div className="grid content-start gap-6">
          <section aria-labelledby="second-factor-heading" className="rounded-lg border bg-card p-5">
            <h2 id="second-factor-heading" className="mb-4 text-base font-semibold">
              Two-factor authentication
            </h2>
            <SecondFactorSection enabled={secondFactor.enabled} recoveryCodesLeft={secondFactor.recoveryCodesLeft} />
          </section>
          <section aria-labelledby="password-heading" className="rounded-lg border bg-card p-5">
            <h2 id="password-heading" className="mb-4 text-base font-semibold">
              Change password
            </h2>
            <ChangePasswordForm />
          </section>
        </div>
        <section aria-labelledby="sessions-heading" className="min-w-0">
          <h2 id="sessions-heading" className="mb-3 text-base font-semibold">
            Active sessions
          </h2>
          <OwnSessionsTable sessions={sessions} />
        </section>
      </div>
    </>
  );
}
