// The one way the back-office writes dates, shared by the table, the dialogs,
// the pickers, the chips, the API keys and the audit log: the staff member's
// own locale (undefined: the browser's), with the time zone wherever a time is
// shown, and relative times ("in 3 days", "2 hr ago") where they help.

export interface DateFormatOptions {
  locale?: string;
  timeZone?: string;
  /** Adds the time zone's name ("CET", "UTC"): for a time read on its own, away from the table. */
  zone?: boolean;
}

// Making a formatter costs far more than using one (it loads the locale's
// data and resolves the zone), and a table of dates asks for the same few
// hundreds of times per render: each is made once per locale, zone and kind.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function formatterFor<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter as F;
}

const dateTimeFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  formatterFor(`date ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export function formatDateTime(value: Date, { locale, timeZone, zone = false }: DateFormatOptions = {}): string {
  return dateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    ...(zone ? { timeZoneName: "short" } : {}),
  }).format(value);
}

export function formatDate(value: Date, { locale, timeZone }: DateFormatOptions = {}): string {
  return dateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }).format(value);
}

/** The exact moment, for a tooltip: full date, seconds and the time zone. */
export function formatExactDateTime(value: Date, { locale, timeZone }: DateFormatOptions = {}): string {
  return dateTimeFormat(locale, { dateStyle: "full", timeStyle: "long", timeZone }).format(value);
}

const MINUTE = 60_000;
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 60 * MINUTE],
  ["month", 30 * 24 * 60 * MINUTE],
  ["week", 7 * 24 * 60 * MINUTE],
  ["day", 24 * 60 * MINUTE],
  ["hour", 60 * MINUTE],
  ["minute", MINUTE],
];

/** "in 3 days", "2 hr ago", "now": the largest unit that fits, rounded towards zero. */
export function formatRelative(value: Date, now: Date, { locale }: Pick<DateFormatOptions, "locale"> = {}): string {
  const format = formatterFor(`relative ${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }));
  const ms = value.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return format.format(Math.trunc(ms / size), unit);
  }
  return format.format(0, "minute");
}

// Days, not instants: a URL's yyyy-mm-dd is a UTC midnight, so it is written in UTC, the same on the server and in the browser.
const day = { format: (date: Date) => formatDate(date, { locale: "en-GB", timeZone: "UTC" }) };

/** A range of days in words: "1 Dec 2026 – 5 Dec 2026", "from …", "until …". */
export function formatDayRange(range: { from?: Date; to?: Date } | undefined): string | null {
  if (!range?.from && !range?.to) return null;
  if (range.from && range.to) {
    const [from, to] = [day.format(range.from), day.format(range.to)];
    return from === to ? from : `${from} – ${to}`;
  }
  return range.from ? `from ${day.format(range.from)}` : `until ${day.format(range.to!)}`;
}
