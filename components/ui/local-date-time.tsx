"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A date and time in the viewer's own locale and time zone, with the exact
 * time on hover. The server knows neither, so the server render (and the
 * first render in the browser, which must match it) shows UTC and says so.
 */
export function LocalDateTime({ value, empty = "—", className }: { value: Date | null; empty?: string; className?: string }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!value) return <span className="text-muted-foreground">{empty}</span>;
  const timeZone = inBrowser ? undefined : "UTC";
  const short = new Intl.DateTimeFormat(inBrowser ? undefined : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
  const exact = new Intl.DateTimeFormat(inBrowser ? undefined : "en-GB", { dateStyle: "full", timeStyle: "long", timeZone }).format(value);
  return (
    <time dateTime={value.toISOString()} title={exact} className={className}>
      {inBrowser ? short : `${short} UTC`}
    </time>
  );
}
