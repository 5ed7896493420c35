import type { PersonKind } from "@/lib/people/schemas";

interface KindSql {
  table: string;
  /** The columns an upsert sets besides id and assistance, with their SQL types. */
  columns: [column: string, field: string, type: string][];
  deactivates: boolean;
}

export const PERSON_TABLES: Record<PersonKind, KindSql> = {
  company: { table: "companies", columns: [["name", "name", "text"]], deactivates: false },
  contact: {
    table: "contacts",
    columns: [
      ["company_id", "companyId", "int"],
      ["first_name", "firstName", "text"],
      ["last_name", "lastName", "text"],
      ["email", "email", "text"],
    ],
    deactivates: true,
  },
  customer: {
    table: "customers",
    columns: [
      ["first_name", "firstName", "text"],
      ["last_name", "lastName", "text"],
      ["email", "email", "text"],
    ],
    deactivates: true,
  },
};

/**
 * One statement upserts every item of one kind. Items that would take another
 * person's email or name a company that does not exist are left out and said
 * so; the rest are inserted, or updated only where a column differs (so an
 * unchanged row is not rewritten and its updated_at stays). A person who keeps
 * their email is not looked up by it again: the unique index vouches for it,
 * and most items of a sync are such rows. A PUT reactivates: deactivated_at is
 * cleared with the rest. Assistance left out keeps what the row has, or takes
 * the installation's default for a new row.
 *
 * $1 the items as a JSON array of { ord, id, assistance_allowed, …columns }
 * $2 the installation's default for assistance
 */
function upsertSql(kind: PersonKind): string {
  const { table, columns, deactivates } = PERSON_TABLES[kind];
  const names = columns.map(([column]) => column);
  const recordset = ["ord int", "id int", ...columns.map(([column, , type]) => `${column} ${type}`), "assistance_allowed boolean"].join(", ");
  const hasEmail = names.includes("email");
  const set = [...names, "assistance_allowed", ...(deactivates ? ["deactivated_at"] : [])];
  const inserted = [...names, "COALESCE(assistance_allowed, kept_assistance, $2::boolean)", ...(deactivates ? ["NULL::timestamptz"] : [])];
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(${recordset})
),
checked AS (
  SELECT i.*, e.assistance_allowed AS kept_assistance,
         ${hasEmail ? `e.email IS DISTINCT FROM i.email AND EXISTS (SELECT 1 FROM ${table} o WHERE o.email = i.email AND o.id <> i.id)` : "false"} AS email_taken,
         ${names.includes("company_id") ? "NOT EXISTS (SELECT 1 FROM companies co WHERE co.id = i.company_id)" : "false"} AS company_unknown
  FROM input i LEFT JOIN ${table} e ON e.id = i.id
),
written AS (
  INSERT INTO ${table} AS t (id, ${set.join(", ")}, updated_at)
  SELECT id, ${inserted.join(", ")}, now() FROM checked WHERE NOT email_taken AND NOT company_unknown
  ON CONFLICT (id) DO UPDATE SET (${set.join(", ")}, updated_at) = (${set.map((column) => `excluded.${column}`).join(", ")}, now())
  WHERE (${set.map((column) => `t.${column}`).join(", ")}) IS DISTINCT FROM (${set.map((column) => `excluded.${column}`).join(", ")})
  RETURNING t.id, old.id IS NULL AS created
)
SELECT c.ord, c.email_taken, c.company_unknown, w.id IS NOT NULL AS written, w.created
FROM checked c LEFT JOIN written w ON w.id = c.id`;
}

export const UPSERT_PEOPLE: Record<PersonKind, string> = { company: upsertSql("company"), contact: upsertSql("contact"), customer: upsertSql("customer") };

export interface UpsertPeopleRow {
  ord: number;
  email_taken: boolean;
  company_unknown: boolean;
  written: boolean;
  created: boolean | null;
}
