"use client";

import { MenuIcon, XIcon } from "lucide-react";
import { usePathname } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/**
 * The sidebar's frame: on a wide screen its pages and the staff menu are
 * always shown beside the content; on a phone they fold under a Menu button
 * above it, so a page starts with the page, and they fold again after each
 * navigation.
 */
export function SidebarDisclosure({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  const panelId = useId();

  return (
    <aside className="flex flex-col md:sticky md:top-0 md:h-svh">
      <div className="flex h-13 items-center justify-between gap-2 px-4">
        {brand}
        <Button variant="ghost" size="sm" className="md:hidden" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? <XIcon aria-hidden /> : <MenuIcon aria-hidden />}
          Menu
        </Button>
      </div>
      <div id={panelId} className={cn("min-h-0 flex-1 flex-col md:flex", open ? "flex" : "hidden")}>
        {children}
      </div>
    </aside>
  );
}
