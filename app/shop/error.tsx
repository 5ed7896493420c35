"use client";

import { PageError } from "@/components/errors/page-error";

/** A storefront page that cannot be rendered, in the shop's own frame and words. */
export default function ShopError({ error }: { error: Error & { digest?: string } }) {
  return <PageError error={error} audience="visitor" className="min-h-[60svh]" />;
}
