import type { CompanyListQuery } from "@/lib/people/queries";
import { COMPANY_COLUMNS, parameters, prefixPattern } from "@/lib/sql/fragments";

/**
 * Companies in id order (the webshop's), after the cursor, as rows of
 * CompanyColumnsRow, one more than the limit when another page follows;
 * the search is a prefix of the name.
 */
export function companyListSql(query: CompanyListQuery): { text: string; values: unknown[] } {
  const { values, add } = parameters();
  const where: string[] = [];
  if (query.search) where.push(`lower(name) LIKE ${add(prefixPattern(query.search))}`);
  if (query.afterId !== null) where.push(`id > ${add(query.afterId)}`);
  const text = `SELECT ${COMPANY_COLUMNS} FROM companies${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ${add(query.limit + 1)}`;
  return { text, values };
}
