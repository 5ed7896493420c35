"use client";

import { CircleAlertIcon, CircleCheckIcon, InfoIcon, LoaderCircleIcon, TriangleAlertIcon } from "lucide-react";
import type { CSSProperties } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

export { toast } from "sonner";

/** Mounted once in the root layout; call `toast.success("Token deleted")` (re-exported here) from anywhere on the client. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      closeButton
      className="toaster group"
      containerAriaLabel="Notifications"
      icons={{
        success: <CircleCheckIcon className="size-4 text-success" aria-hidden />,
        info: <InfoIcon className="size-4 text-primary" aria-hidden />,
        warning: <TriangleAlertIcon className="size-4 text-warning" aria-hidden />,
        error: <CircleAlertIcon className="size-4 text-destructive" aria-hidden />,
        loading: <LoaderCircleIcon className="size-4 animate-spin text-muted-foreground" aria-hidden />,
      }}
      toastOptions={{ classNames: { toast: "!text-sm !rounded-lg !shadow-lg", description: "!text-muted-foreground" } }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as CSSProperties
      }
      {...props}
    />
  );
}
