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

/**
 * The URL names days (read as UTC midnights); a range includes its last day,
 * so the query's exclusive end is the midnight after it.
 */
export function dayRange(from: Date | null, to: Date | null): { from?: Date; to?: Date } {
  return { ...(from ? { from } : {}), ...(to ? { to: new Date(to.getTime() + 86_400_000) } : {}) };
}
