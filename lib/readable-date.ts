/**
 * The last and first instants an ISO 8601 date-time with a four-digit year
 * can write, which is what the API, the XML and the pages show.
 */
export const LATEST_READABLE_DATE = new Date("9999-12-31T23:59:59.999Z");
export const EARLIEST_READABLE_DATE = new Date("0000-01-01T00:00:00.000Z");

/**
 * A date read from the database, clamped to what every reader can show.
 * PostgreSQL keeps timestamps up to the year 294276, JavaScript's Date only
 * to 275760 and the drivers hand over an Invalid Date for what they cannot
 * parse (Prisma for any year past 9999). The product never writes such a
 * date (expiries are bounded), but one row put there by hand must not break
 * the list, the API or a redemption for everyone: it reads as the latest
 * readable instant, and a year before 0 as the first.
 */
export function readableDate(date: Date): Date {
  const time = date.getTime();
  if (Number.isNaN(time) || time > LATEST_READABLE_DATE.getTime()) return LATEST_READABLE_DATE;
  if (time < EARLIEST_READABLE_DATE.getTime()) return EARLIEST_READABLE_DATE;
  return date;
}

/** Every Date in a query's result (plain objects and arrays, as Prisma returns them) made readable, in place. */
export function readableDatesIn<T>(result: T): T {
  if (Array.isArray(result)) {
    for (let i = 0; i < result.length; i++) result[i] = readDate(result[i]);
  } else if (result !== null && typeof result === "object" && Object.getPrototypeOf(result) === Object.prototype) {
    const record = result as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = readDate(record[key]);
  }
  return result;
}

function readDate(value: unknown): unknown {
  return value instanceof Date ? readableDate(value) : readableDatesIn(value);
}
