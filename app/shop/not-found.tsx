import { SearchXIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ShopNotice } from "@/app/shop/_components/shop-notice";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** The storefront's own 404: a shopper is sent back to the shop, never to the staff sign-in. */
export default function ShopNotFound() {
  return (
    <ShopNotice icon={<SearchXIcon aria-hidden />} title="This page is not in the shop" description="The link may be mistyped, or the page has moved.">
      <Button asChild className="mt-6 bg-emerald-700 hover:bg-emerald-800">
        <Link href="/shop">Back to the shop</Link>
      </Button>
    </ShopNotice>
  );
}
