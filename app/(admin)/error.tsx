"use client";

import { PageError } from "@/components/errors/page-error";

/** A back-office page that cannot be rendered: shown inside the shell, so the menu still leads elsewhere. */
export default function AdminError({ error }: { error: Error & { digest?: string } }) {
  return <PageError error={error} audience="staff" className="min-h-[60svh]" />;
}
