import { LogOutIcon, StoreIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** Brand on the left; who is signed in and Sign out on the right, when someone is. */
export function ShopHeader({ account }: { account?: ReactNode }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex h-14 w-full max-w-5xl items-center gap-2.5 px-4 md:px-6">
        <span className="flex size-8 items-center justify-center rounded-lg bg-emerald-700 text-white">
          <StoreIcon className="size-4" aria-hidden />
        </span>
        <span className="text-base font-semibold tracking-tight">Webshop</span>
        {account && (
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <span className="truncate text-sm text-stone-600">{account}</span>
            {/* A plain form: signing out works with or without script. */}
            <form method="post" action="/shop/sign-out">
              <Button type="submit" variant="outline" size="sm">
                <LogOutIcon aria-hidden />
                Sign out
              </Button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
