import { KeyRoundIcon } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SetPasswordForm } from "@/app/(auth)/set-password/[secret]/_components/set-password-form";
import { LINK_NOT_VALID, usableLink } from "@/lib/staff/password-links";

export const metadata: Metadata = { title: "Choose a password" };

export default async function SetPasswordPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const link = secret.length <= 100 ? await usableLink(secret) : null;

  if (!link) {
    return (
      <Frame title="Choose a password">
        <p className="text-sm">{LINK_NOT_VALID}</p>
      </Frame>
    );
  }
  return (
    <Frame
      title={link.kind === "setUp" ? "Set up Latchkey" : "Choose a password"}
      lead={link.kind === "setUp" ? "You become its first administrator." : `For ${link.name} (${link.email}).`}
    >
      <SetPasswordForm secret={secret} setUp={link.kind === "setUp"} />
    </Frame>
  );
}

function Frame({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-muted/50 px-4 py-12">
      <div className="w-full max-w-[24rem]">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-xl bg-primary text-primary-foreground shadow-sm">
            <KeyRoundIcon className="size-5" strokeWidth={2.25} aria-hidden />
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            {lead && <p className="mt-1 text-sm text-muted-foreground">{lead}</p>}
          </div>
        </div>
        <div className="rounded-xl border bg-card p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
