"use client";

import dynamic from "next/dynamic";
import { useEffect, type ComponentType } from "react";
import { Skeleton } from "@/components/ui/skeleton";

/** What a dialog shows until its token's details, or its form's code, have arrived. */
export function LoginTokenDialogSkeleton() {
  return (
    <div role="status" aria-label="Loading token" className="grid gap-3">
      <Skeleton className="h-8" />
      <Skeleton className="h-8" />
      <Skeleton className="h-20" />
    </div>
  );
}

const preloads: Array<() => Promise<unknown>> = [];

/**
 * A part of a dialog (its form, the new token's QR code) as code of its own:
 * the forms bring react-hook-form, the schemas, the pickers and the QR
 * encoder, which opening the table does not need. The parts are fetched when
 * the browser is idle after the table is shown (usePreloadDialogParts), so a
 * dialog opened later does not wait for them.
 */
export function lazyDialogPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  preloads.push(load);
  return dynamic(load, { ssr: false, loading: LoginTokenDialogSkeleton });
}

const preloadAll = () => preloads.forEach((load) => void load());

/** Fetches every dialog part once the browser has nothing else to do. */
export function usePreloadDialogParts() {
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(preloadAll, 500);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(preloadAll);
    return () => window.cancelIdleCallback(handle);
  }, []);
}
