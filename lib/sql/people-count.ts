import type { PeopleFilter, PeopleKind } from "@/lib/people/queries";
import { parameters, PEOPLE_TABLES, peopleWhere } from "@/lib/sql/fragments";

/** Counted exactly up to this many; past it the page says "more than". */
export const PEOPLE_COUNT_CAP = 10_000;

/** The count of a people list's filter, reading at most PEOPLE_COUNT_CAP + 1 index entries. */
export function peopleCountSql(kind: PeopleKind, query: Omit<PeopleFilter, "after">): { text: string; values: unknown[] } {
  const { values, add } = parameters();
  const filter = peopleWhere(kind, { ...query, after: null }, add);
  return {
    text: `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${PEOPLE_TABLES[kind].table} p${filter} LIMIT ${add(PEOPLE_COUNT_CAP + 1)}) capped`,
    values,
  };
}
