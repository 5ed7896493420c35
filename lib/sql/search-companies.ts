import { prefixPattern } from "@/lib/sql/fragments";

/** Up to `limit` companies (id, name) whose name starts with `search`, by name. */
export const searchCompaniesSql = (search: string, limit: number) => ({
  text: "SELECT id, name FROM companies WHERE lower(name) LIKE $1 ORDER BY lower(name), id LIMIT $2",
  values: [prefixPattern(search), limit],
});
