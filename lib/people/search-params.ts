import { createLoader, parseAsInteger, parseAsNumberLiteral, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { PEOPLE_STATUSES, PERSON_ID_MAX, SEARCH_MAX_LENGTH } from "@/lib/people/schemas";
import { parseAsPage } from "@/lib/url-parsers";

/**
 * The URL of Users > Contacts and Users > Customers: one contract read by the
 * server page and written by the client table. A value that does not parse
 * reads as its default.
 */

export const PEOPLE_PAGE_SIZES = [25, 50, 100] as const;

export const peopleSearchParams = {
  page: parseAsPage.withDefault(1),
  perPage: parseAsNumberLiteral(PEOPLE_PAGE_SIZES).withDefault(25),
  q: parseAsString,
  company: parseAsInteger,
  status: parseAsStringLiteral(PEOPLE_STATUSES),
};

export const loadPeopleSearchParams = createLoader(peopleSearchParams);
export type PeopleSearchParams = Awaited<ReturnType<typeof loadPeopleSearchParams>>;

/** What the page queries with: a search cut to its bound, a company id in range. */
export function peopleFiltersOf(params: PeopleSearchParams) {
  const search = params.q?.trim().slice(0, SEARCH_MAX_LENGTH) || null;
  const companyId = params.company !== null && params.company >= 1 && params.company <= PERSON_ID_MAX ? params.company : null;
  return { search, companyId, status: params.status };
}
