import type { inferParserType, ParserMap } from "nuqs/server";

/**
 * What every table filter declares about its place in the URL: the
 * parameters it owns, and the words of its chip. From a list of these a
 * table derives its URL parsers, its chips (and so the "no matches" state)
 * and what removing a chip clears.
 */
export interface UrlFilter<Url extends ParserMap = ParserMap, ChipContext = unknown> {
  label: string;
  url: Url;
  /** The chip's text, or null while the filter is not set. */
  chip(values: inferParserType<Url>, context: ChipContext): string | null;
  /** The filter's days begin and end in the table's `tz`, which goes with the last such filter. */
  usesTimeZone?: boolean;
}

/** A filter's declaration, its chip typed by its own URL parameters. */
export const defineUrlFilter = <Url extends ParserMap, ChipContext>(filter: UrlFilter<Url, ChipContext>) => filter;

type Filters<ChipContext> = Record<string, UrlFilter<ParserMap, ChipContext>>;

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;

/** Every URL parameter of `filters`, for the table's URL contract. */
export type FilterUrlParsers<F extends Filters<never>> = UnionToIntersection<{ [K in keyof F]: F[K]["url"] }[keyof F]> & {};

export function filterUrlParsers<F extends Filters<never>>(filters: F): FilterUrlParsers<F> {
  return Object.assign({}, ...Object.values(filters).map((filter) => filter.url)) as FilterUrlParsers<F>;
}

/** The values of `filter`'s own URL parameters in `params`. */
export function filterValues(filter: UrlFilter<ParserMap, never>, params: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(filter.url).map((key) => [key, params[key] ?? null]));
}

/** The active filters in words, in the order they are declared. */
export function filterChips<F extends Filters<C>, C>(filters: F, params: Record<string, unknown>, context: C): { id: keyof F & string; label: string }[] {
  return Object.entries(filters).flatMap(([id, filter]) => {
    const label = filter.chip(filterValues(filter, params) as never, context);
    return label === null ? [] : [{ id, label }];
  });
}

/**
 * The URL change that removes the filters `ids`, given the chips that are
 * active: their parameters go, and the time zone with the last filter that
 * needed it.
 */
export function clearFilters<F extends Filters<never>>(filters: F, ids: (keyof F)[], active: { id: keyof F }[], timeZoneParam?: string): Record<string, null> {
  const cleared: Record<string, null> = Object.fromEntries(ids.flatMap((id) => Object.keys(filters[id]!.url).map((param) => [param, null])));
  const zonedLeft = active.some((chip) => !ids.includes(chip.id) && filters[chip.id]!.usesTimeZone);
  return timeZoneParam && !zonedLeft ? { ...cleared, [timeZoneParam]: null } : cleared;
}
