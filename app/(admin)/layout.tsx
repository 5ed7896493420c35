import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppSidebar } from "@/app/(admin)/_components/app-sidebar";
import { currentStaff } from "@/lib/auth/session";
import { safeRelativePath } from "@/lib/utils";

/**
 * The shell of every signed-in page. Its redirect is for comfort: each page,
 * server action and route handler still checks its own permission, because a
 * layout does not re-run on client navigations between its pages.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) redirect(await signInUrl());

  return (
    <div className="flex min-h-svh flex-col bg-background md:flex-row">
      <a
        href="#main"
        className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium shadow-md ring-2 ring-ring focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
      >
        Skip to content
      </a>
      <AppSidebar staff={staff} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 outline-none">
        <div className="mx-auto w-full max-w-[90rem] px-4 py-5 md:px-8 md:py-6">{children}</div>
      </main>
    </div>
  );
}

/**
 * A layout is not told its URL; when proxy.ts passes it on as `x-pathname`,
 * the sign-in page can bring the person back to where they were going.
 */
async function signInUrl(): Promise<string> {
  const returnTo = safeRelativePath((await headers()).get("x-pathname"), "");
  return returnTo && returnTo !== "/" ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
}
