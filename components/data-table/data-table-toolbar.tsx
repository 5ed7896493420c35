"use client";

import { useId, type ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** The filters above a server-paged table, in a card; `className` lays out their columns. */
export function DataTableToolbar({ className, children }: { className?: string; children: ReactNode }) {
  // items-start: a field that grows (with its error) does not push its neighbours' controls down.
  return <div className={cn("mb-3 grid items-start gap-3 rounded-lg border bg-card p-3", className)}>{children}</div>;
}

/** One filter of the toolbar: its label over the control that `children` draws with the id the label points at. */
export function DataTableToolbarField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children(id)}
    </div>
  );
}
