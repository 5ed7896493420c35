import type { DateRange, LoginTokenFilters } from "@/lib/login-tokens/filters";
import type { LoginTokensSearchParams } from "@/lib/login-tokens/search-params";

type FilterParams = Omit<LoginTokensSearchParams, "page" | "perPage" | "sort" | "token" | "tz"> & { tz?: string | null };

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(instant / 1000) * 1000;
}

/** The instant `day` (a UTC midnight naming a calendar day) begins in `timeZone`. */
export function startOfDayIn(day: Date, timeZone: string): Date {
  const wall = day.getTime();
  const guess = wall - offsetAt(wall, timeZone);
  // Once more at the guess, in case a daylight-saving change lies between the two.
  return new Date(wall - offsetAt(guess, timeZone));
}

/**
 * The URL names days; they begin and end in the time zone of whoever set the
 * filter (`tz`, UTC when absent). A range includes its last day, so the
 * query's exclusive end is the start of the day after it.
 */
function dayRange(from: Date | null, to: Date | null, timeZone: string): DateRange {
  return {
    ...(from ? { from: startOfDayIn(from, timeZone) } : {}),
    ...(to ? { to: startOfDayIn(new Date(to.getTime() + 86_400_000), timeZone) } : {}),
  };
}

const STATUS = { active: "ACTIVE", expired: "EXPIRED", used: "USED", locked: "LOCKED" } as const;

/** The table's URL filters as the filter contract the query and the API share. */
export function loginTokenFiltersFromSearchParams(params: FilterParams): LoginTokenFilters {
  const timeZone = params.tz ?? "UTC";
  return {
    ids: params.ids ?? [],
    user: params.user,
    userType: null,
    expiresAt: dayRange(params.expiresFrom, params.expiresTo, timeZone),
    createdAt: dayRange(params.createdFrom, params.createdTo, timeZone),
    updatedAt: dayRange(params.updatedFrom, params.updatedTo, timeZone),
    successfulAttempts: params.successful,
    failedAttempts: params.failed,
    oneTimeUse: params.oneTimeUse === null ? null : params.oneTimeUse === "yes",
    status: params.status ? STATUS[params.status] : null,
  };
}
