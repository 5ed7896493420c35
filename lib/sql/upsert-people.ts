import type { PersonKind } from "@/lib/people/schemas";

interface KindSql {
  table: string;
  /** The columns an upsert sets besides id and assistance, with their SQL types. */
  columns: [column: string, field: string, type: string][];
  deactivates: boolean;
}

/** What a contact and a customer both have. */
const PERSON_COLUMNS: KindSql["columns"] = [
  ["first_name", "firstName", "text"],
  ["last_name", "lastName", "text"],
  ["email", "email", "text"],
];

const PERSON_TABLES: Record<PersonKind, KindSql> = {
  company: { table: "companies", columns: [["name", "name", "text"]], deactivates: false },
  contact: { table: "contacts", columns: [["company_id", "companyId", "int"], ...PERSON_COLUMNS], deactivates: true },
  customer: { table: "customers", columns: PERSON_COLUMNS, deactivates: true },
};

/** The columns of a statement's input, with their SQL types: the item's place in the batch, its id, the kind's columns, its assistance. */
function inputColumns(kind: PersonKind): [column: string, type: string][] {
  return [
    ["ord", "int"],
    ["id", "int"],
    ...PERSON_TABLES[kind].columns.map(([column, , type]): [string, string] => [column, type]),
    ["assistance_allowed", "boolean"],
  ];
}

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
 * The items come as one array per column (inputColumns: ord, id, the kind's
 * columns, assistance_allowed), in the same order, then the
 * installation's default for assistance: arrays are about half the bytes of
 * the same items as JSON objects, and PostgreSQL reads them without building
 * a document first.
 */
function upsertSql(kind: PersonKind): string {
  const { table, columns, deactivates } = PERSON_TABLES[kind];
  const names = columns.map(([column]) => column);
  const input = inputColumns(kind);
  const arrays = input.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ");
  const assistanceDefault = `$${input.length + 1}::boolean`;
  const hasEmail = names.includes("email");
  const set = [...names, "assistance_allowed", ...(deactivates ? ["deactivated_at"] : [])];
  const inserted = [...names, `COALESCE(assistance_allowed, kept_assistance, ${assistanceDefault})`, ...(deactivates ? ["NULL::timestamptz"] : [])];
  return `
WITH input AS (
  SELECT * FROM unnest(${arrays}) AS i(${input.map(([column]) => column).join(", ")})
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

export interface UpsertPeopleItem {
  /** The item's place in its batch, given back with its outcome. */
  ord: number;
  id: number;
  /** The kind's fields (PERSON_TABLES' field names). */
  input: Record<string, unknown>;
  assistanceAllowed: boolean | null;
}

/** The statement's values: one array per input column, in inputColumns' order, then the default for assistance. */
export function upsertPeopleValues(kind: PersonKind, items: UpsertPeopleItem[], assistanceDefault: boolean): unknown[] {
  return [
    items.map((item) => item.ord),
    items.map((item) => item.id),
    ...PERSON_TABLES[kind].columns.map(([, field]) => items.map((item) => item.input[field])),
    items.map((item) => item.assistanceAllowed),
    assistanceDefault,
  ];
}

export interface UpsertPeopleRow {
  ord: number;
  email_taken: boolean;
  company_unknown: boolean;
  written: boolean;
  created: boolean | null;
}
