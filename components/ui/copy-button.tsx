"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { toast } from "@/components/ui/sonner";

/**
 * Copies `value` to the clipboard and says so for a moment, on screen and to
 * screen readers. `value` may be a function that fetches it first (e.g. a
 * secret revealed on demand); when it returns null, nothing is copied.
 */
export function CopyButton({
  value,
  label = "Copy",
  ...props
}: Omit<ButtonProps, "onClick" | "value"> & { value: string | (() => Promise<string | null>); label?: string }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    const text = typeof value === "string" ? value : await value();
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      toast.error("Could not copy", { description: "Select the text and copy it with your keyboard instead." });
    }
  }

  return (
    <Button variant="outline" onClick={copy} {...props}>
      {copied ? <CheckIcon className="text-success" aria-hidden /> : <CopyIcon aria-hidden />}
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}
