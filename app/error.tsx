"use client";

import { PageError } from "@/components/errors/page-error";

/** A page outside the back-office's shell, the shop and the login link (sign-in, set-password) that cannot be rendered. */
export default function RootError({ error }: { error: Error & { digest?: string } }) {
  return <PageError error={error} audience="staff" className="min-h-svh bg-muted/40" />;
}
