import type { PeopleKind, PeopleListQuery } from "@/lib/people/queries";
import { parameters, PEOPLE_TABLES, peopleWhere, selectPeople } from "@/lib/sql/fragments";

/**
 * One page in (last name, first name, id) order, after the cursor; rows of
 * PersonColumnsRow, one more than the limit when another page follows.
 * Without a search, the rows come out of a name index in order and the scan
 * stops after the page. A search's prefixes are each an index range, OR-ed
 * into one bitmap. Its matches are gathered first (MATERIALIZED), then sorted
 * and cut; otherwise the planner walks the name index, filtering, and a rare
 * prefix would read the whole table to fill a page.
 */
export function peopleListSql(kind: PeopleKind, query: PeopleListQuery): { text: string; values: unknown[] } {
  const { values, add } = parameters();
  const filter = peopleWhere(kind, query, add);
  const order = "ORDER BY p.last_name, p.first_name, p.id";
  const limit = `${add(query.limit + 1)}${query.offset ? ` OFFSET ${add(query.offset)}` : ""}`;
  if (!query.search) return { text: `${selectPeople(kind)}${filter} ${order} LIMIT ${limit}`, values };
  const text = `WITH matched AS MATERIALIZED (SELECT p.id, p.last_name, p.first_name FROM ${PEOPLE_TABLES[kind].table} p${filter}),
  page AS (SELECT p.id FROM matched p ${order} LIMIT ${limit})
  ${selectPeople(kind)} JOIN page ON page.id = p.id ${order}`;
  return { text, values };
}
