"use client";

import { BookOpenIcon, BuildingIcon, KeyRoundIcon, KeySquareIcon, ScrollTextIcon, ShoppingCartIcon, UserIcon, UsersIcon, type LucideIcon } from "lucide-react";
import { AdminLink } from "@/app/(admin)/_components/admin-link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

// Icons are named rather than passed: a server component cannot hand a
// component (a function) to a client component.
const ICONS = {
  "login-tokens": KeyRoundIcon,
  "audit-log": ScrollTextIcon,
  contacts: BuildingIcon,
  customers: UserIcon,
  "api-keys": KeySquareIcon,
  "api-reference": BookOpenIcon,
  staff: UsersIcon,
  "punchout-buyers": ShoppingCartIcon,
} satisfies Record<string, LucideIcon>;

export type SidebarIcon = keyof typeof ICONS;

export function SidebarNavLink({ href, icon, children }: { href: string; icon: SidebarIcon; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  const Icon = ICONS[icon];
  return (
    <AdminLink
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex h-8 items-center gap-2.5 rounded-md px-2 text-sm transition-colors outline-none",
        "focus-visible:ring-[3px] focus-visible:ring-ring/40",
        active
          ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground"
          : "text-sidebar-foreground hover:bg-sidebar-accent/70 hover:text-sidebar-accent-foreground",
      )}
    >
      <Icon className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground group-hover:text-foreground")} aria-hidden />
      <span className="truncate">{children}</span>
    </AdminLink>
  );
}
