import { SearchXIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ShopHeader } from "@/app/shop/_components/shop-header";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** The storefront's own 404: a shopper is sent back to the shop, never to the staff sign-in. */
export default function ShopNotFound() {
  return (
    <>
      <ShopHeader />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 py-16 text-center">
        <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-stone-100 text-stone-500">
          <SearchXIcon className="size-6" aria-hidden />
        </span>
        <h1 className="text-xl font-semibold tracking-tight">This page is not in the shop</h1>
        <p className="mt-2 text-sm text-stone-600">The link may be mistyped, or the page has moved.</p>
        <Button asChild className="mt-6 bg-emerald-700 hover:bg-emerald-800">
          <Link href="/shop">Back to the shop</Link>
        </Button>
      </main>
    </>
  );
}
