"use client";

import { TriangleAlertIcon } from "lucide-react";
import type { FocusEvent, ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";

/** The warning above a secret that Latchkey shows this once and then keeps only as a hash. */
export function ShownOnceWarning({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Alert variant="warning">
      <TriangleAlertIcon aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>{children}</AlertDescription>
    </Alert>
  );
}

const selectAll = (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => event.currentTarget.select();

/**
 * A secret to copy, read-only and selected whole on focus, with `children`
 * (its copy buttons) below. With `rows` it is a textarea, so a long secret
 * is in view whole, to check against what was pasted.
 */
export function SecretValue({
  id,
  label,
  value,
  rows,
  className,
  valueClassName,
  children,
}: {
  id: string;
  label: ReactNode;
  value: string;
  rows?: number;
  className?: string;
  valueClassName?: string;
  children: ReactNode;
}) {
  const shared = { id, value, readOnly: true, spellCheck: false, autoComplete: "off", onFocus: selectAll };
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {rows ? (
        <Textarea {...shared} rows={rows} className={cn("min-h-0 resize-none font-mono text-[13px] leading-5 break-all", valueClassName)} />
      ) : (
        <Input {...shared} className={cn("font-mono text-[13px]", valueClassName)} />
      )}
      {children}
    </div>
  );
}
