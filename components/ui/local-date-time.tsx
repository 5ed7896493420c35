"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatExactDateTime, formatRelative } from "@/lib/dates";

const noSubscription = () => () => {};

/**
 * A date and time in the viewer's own locale and time zone (lib/dates.ts),
 * with the exact time on hover; `relative` shows "in 3 days" instead, `zone`
 * names the time zone. The server knows neither locale nor zone, so the
 * server render (and the first render in the browser, which must match it)
 * shows UTC and says so.
 */
export function LocalDateTime({
  value,
  empty = "—",
  className,
  relative = false,
  zone = false,
}: {
  value: Date | null;
  empty?: string;
  className?: string;
  relative?: boolean;
  zone?: boolean;
}) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!value) return <span className="text-muted-foreground">{empty}</span>;
  const where = inBrowser ? {} : { locale: "en-GB", timeZone: "UTC" };
  const exact = formatExactDateTime(value, where);
  // Before the browser takes over, a relative time shows its UTC day only: it fits the narrow column that "in 3 days" needs.
  const text = !inBrowser
    ? relative
      ? formatDate(value, where)
      : formatDateTime(value, { ...where, zone: true })
    : relative
      ? formatRelative(value, new Date())
      : formatDateTime(value, { zone });
  return (
    <time dateTime={value.toISOString()} title={exact} className={className}>
      {text}
    </time>
  );
}
