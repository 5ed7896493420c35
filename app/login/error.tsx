"use client";

import { PageError } from "@/components/errors/page-error";

/** The login link's pages, for a visitor of the shop: nothing of Latchkey, and the link was not used. */
export default function LoginLinkError({ error }: { error: Error & { digest?: string } }) {
  return <PageError error={error} audience="visitor" className="min-h-svh bg-muted/40" />;
}
