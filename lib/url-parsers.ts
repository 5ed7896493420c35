import { TZDate } from "@date-fns/tz";
import { createParser } from "nuqs/server";

// URL parsers that the back-office tables share. A value that does not parse
// reads as null, so the table falls back to its default instead of failing.

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page number from 1; -3, 1.5 or "abc" read as null. */
export const parseAsPage = createParser({
  parse: (value) => {
    const page = Number(value);
    return Number.isSafeInteger(page) && page >= 1 && page <= 1_000_000 ? page : null;
  },
  serialize: String,
});

/** A public id, lower-cased. */
export const parseAsUuid = createParser({
  parse: (value) => (UUID_PATTERN.test(value) ? value.toLowerCase() : null),
  serialize: (value) => value,
});

/** An IANA time zone such as Europe/Amsterdam, in which the URL's days begin and end. */
export const parseAsTimeZone = createParser({
  parse: (value) => {
    if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return null;
    try {
      return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      return null;
    }
  },
  serialize: (value) => value,
});

/** The instant `day` (a UTC midnight naming a calendar day) begins in `timeZone`. */
export function startOfDayIn(day: Date, timeZone: string): Date {
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), timeZone).getTime());
}

/**
 * The URL names days; they begin and end in the time zone of whoever set the
 * filter (`tz`, UTC when absent). A range includes its last day, so the
 * query's exclusive end is the start of the day after it.
 */
export function dayRange(from: Date | null, to: Date | null, timeZone: string | null = null): { from?: Date; to?: Date } {
  const zone = timeZone ?? "UTC";
  return {
    ...(from ? { from: startOfDayIn(from, zone) } : {}),
    ...(to ? { to: startOfDayIn(new Date(to.getTime() + 86_400_000), zone) } : {}),
  };
}
