import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LOGIN_TOKEN_SORTS, sortsNullsLast, type LoginTokenSort, type LoginTokenSortKey } from "@/lib/login-tokens/filters";
import { userTypeSchema } from "@/lib/login-tokens/schemas";

/** A row's value in a sort's column. */
export type SortValue = Date | string | number | boolean | null;

/** A row's place in a sort: its value there, and its id, which breaks ties. */
export interface SeekKey {
  value: SortValue;
  id: string;
}

export function reverseSort(sort: LoginTokenSort): LoginTokenSort {
  return { ...sort, direction: sort.direction === "asc" ? "desc" : "asc" };
}

/**
 * The values of the columns that have few, in the order PostgreSQL sorts them
 * (false before true; an enum in its declared order). Prisma offers no `gt`
 * or `lt` on these, so "past a value" becomes one equality per later value.
 */
const FEW_VALUES: Partial<Record<LoginTokenSortKey, readonly SortValue[]>> = {
  oneTimeUse: [false, true],
  type: userTypeSchema.options,
};

/** The values of a column that come after `value` in `sort`'s order, as conditions in that order. */
function pastValue(sort: LoginTokenSort, value: Exclude<SortValue, null>): Prisma.LoginTokenWhereInput[] {
  const { column } = LOGIN_TOKEN_SORTS[sort.key];
  const few = FEW_VALUES[sort.key];
  if (!few) return [{ [column]: { [sort.direction === "asc" ? "gt" : "lt"]: value } }];
  const ordered = sort.direction === "asc" ? few : [...few].reverse();
  return ordered.slice(ordered.indexOf(value) + 1).map((later) => ({ [column]: later }));
}

/**
 * The rows after `from` in `sort`'s order (its column, then the id), as
 * conditions that each select one contiguous range of the sort's index, in
 * that order: `from`'s ties with an id past its own, the values past its
 * value, and the empty values where they sort last. Read one after the other
 * until a page is full, each is an index range scan that stops after the
 * rows it returns, however deep the page. A single OR of them would be read
 * through a bitmap and sorted again, and a single bound (`value >= from`)
 * walks every earlier tie again: half the table when sorting by One Time Use.
 */
export function seekRanges(sort: LoginTokenSort, from: SeekKey): Prisma.LoginTokenWhereInput[] {
  const { column, nullable } = LOGIN_TOKEN_SORTS[sort.key];
  const idPast = { [sort.direction === "asc" ? "gt" : "lt"]: from.id };
  const nullsLast = sortsNullsLast(sort);
  if (from.value === null) {
    return [{ [column]: null, id: idPast }, ...(nullsLast ? [] : [{ [column]: { not: null } }])];
  }
  return [{ [column]: from.value, id: idPast }, ...pastValue(sort, from.value), ...(nullable && nullsLast ? [{ [column]: null }] : [])];
}
