import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AuthFrame } from "@/app/(auth)/_components/auth-frame";
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
    <AuthFrame title={title} lead={lead} className="max-w-[24rem]">
      <div className="rounded-xl border bg-card p-6 shadow-sm">{children}</div>
    </AuthFrame>
  );
}
