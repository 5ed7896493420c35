import type { ReactNode } from "react";
import { ShopHeader } from "@/app/shop/_components/shop-header";

/** A storefront page with one thing to say, under the shop's header: a mark, a heading, a line and, where there is one, the way on. */
export function ShopNotice({ icon, title, description, children }: { icon: ReactNode; title: string; description: string; children?: ReactNode }) {
  return (
    <>
      <ShopHeader />
      <main className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 py-16 text-center">
        <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-stone-100 text-stone-500 [&_svg]:size-6">{icon}</span>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-2 text-sm text-stone-600">{description}</p>
        {children}
      </main>
    </>
  );
}
