import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: { template: "%s · Webshop", default: "Webshop" } };

/** The webshop's own frame: warm and plain, so nobody mistakes it for the back-office. */
export default function ShopLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-svh flex-col bg-stone-50 text-stone-900">
      {children}
      <footer className="mt-auto border-t border-stone-200 py-6 text-center text-xs text-stone-500">
        A demonstration storefront for Latchkey&apos;s login links.
      </footer>
    </div>
  );
}
