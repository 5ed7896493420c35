// Migrations are hand-written SQL (Prisma's migrate engine cannot run here),
// so nothing else would notice when prisma/schema.prisma and the migrated
// database disagree: the generated client would then read columns that do not
// exist, or miss constraints the schema promises. This test compares them.
//
// @prisma/internals (getDMMF) is not installed, and the generated client's
// runtime data model lacks nullability, native types and unique indexes, so
// the schema is read by a small parser for the part of PSL this project uses.
// It throws on anything outside that part rather than skip it, and a test
// below checks it against the generated client's own list of models, fields
// and enum values.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Enums, Prisma } from "@/lib/generated/prisma/client";

// ---------------------------------------------------------------- the schema

interface NativeType {
  name: string;
  args: string[];
}

interface SchemaField {
  name: string;
  column: string;
  type: string;
  kind: "scalar" | "enum" | "relation";
  isList: boolean;
  isRequired: boolean;
  nativeType: NativeType | null;
}

interface SchemaIndex {
  fields: string[];
  descending: boolean[];
}

interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
  primaryKey: string[];
  uniques: string[][];
  indexes: SchemaIndex[];
}

interface SchemaEnum {
  name: string;
  dbName: string;
  values: string[];
}

interface ParsedSchema {
  models: SchemaModel[];
  enums: SchemaEnum[];
}

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Bytes", "Json", "Float", "Decimal"]);
const FIELD_ATTRIBUTES = new Set(["id", "unique", "default", "map", "updatedAt", "relation"]);

class UnsupportedSchema extends Error {}

/** Removes a `//` or `///` comment, leaving `//` inside string literals alone. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === "\\" && inString) i++;
    else if (char === '"') inString = !inString;
    else if (!inString && char === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** `@map("x") @db.VarChar(10) @default(now())` → [{ name: "map", args: '"x"' }, …], with balanced parentheses and strings. */
function parseAttributes(text: string, where: string): Array<{ name: string; args: string | null }> {
  const attributes: Array<{ name: string; args: string | null }> = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const head = /^@@?([A-Za-z][\w.]*)/.exec(text.slice(i));
    if (!head) throw new UnsupportedSchema(`${where}: cannot read "${text.slice(i)}"`);
    i += head[0].length;
    let args: string | null = null;
    if (text[i] === "(") {
      let depth = 0;
      let inString = false;
      const start = i;
      for (; i < text.length; i++) {
        const char = text[i];
        if (char === "\\" && inString) i++;
        else if (char === '"') inString = !inString;
        else if (!inString && char === "(") depth++;
        else if (!inString && char === ")" && --depth === 0) break;
      }
      if (depth !== 0) throw new UnsupportedSchema(`${where}: unbalanced parentheses`);
      args = text.slice(start + 1, i);
      i++;
    }
    attributes.push({ name: head[1]!, args });
  }
  return attributes;
}

const firstString = (args: string | null, where: string): string => {
  const match = args && /^\s*"((?:[^"\\]|\\.)*)"/.exec(args);
  if (!match) throw new UnsupportedSchema(`${where}: expected a string argument`);
  return match[1]!;
};

/** `[a, b(sort: Desc)], map: "x"` → the fields of the list, with their sort order. */
function fieldList(args: string | null, where: string): SchemaIndex {
  const match = args && /^\s*\[([^\]]*)\]/.exec(args);
  if (!match) throw new UnsupportedSchema(`${where}: expected a list of fields`);
  const entries = match[1]!
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return {
    fields: entries.map((entry) => /^\w+/.exec(entry)![0]),
    descending: entries.map((entry) => /sort:\s*Desc/.test(entry)),
  };
}

function parseSchema(source: string): ParsedSchema {
  type Block = { kind: string; name: string; lines: Array<{ text: string; number: number }> };
  const blocks: Block[] = [];
  let current: Block | null = null;
  source.split("\n").forEach((raw, index) => {
    const text = stripComment(raw).trim();
    if (!text) return;
    if (!current) {
      const open = /^(\w+)\s+(\w+)\s*\{$/.exec(text);
      if (!open) throw new UnsupportedSchema(`line ${index + 1}: cannot read "${text}"`);
      current = { kind: open[1]!, name: open[2]!, lines: [] };
    } else if (text === "}") {
      blocks.push(current);
      current = null;
    } else {
      current.lines.push({ text, number: index + 1 });
    }
  });
  if (current) throw new UnsupportedSchema("the schema ends inside a block");

  for (const block of blocks) {
    if (!["model", "enum", "generator", "datasource"].includes(block.kind)) {
      throw new UnsupportedSchema(`${block.kind} ${block.name}: the drift test does not read "${block.kind}" blocks yet`);
    }
    if (block.kind === "datasource") {
      const provider = block.lines.map((l) => /^provider\s*=\s*"(\w+)"$/.exec(l.text)?.[1]).find(Boolean);
      if (provider !== "postgresql") throw new UnsupportedSchema(`datasource ${block.name}: the type mapping is PostgreSQL's, not ${provider}'s`);
    }
  }

  const modelNames = new Set(blocks.filter((b) => b.kind === "model").map((b) => b.name));
  const enumNames = new Set(blocks.filter((b) => b.kind === "enum").map((b) => b.name));

  const enums = blocks
    .filter((b) => b.kind === "enum")
    .map((block): SchemaEnum => {
      const result: SchemaEnum = { name: block.name, dbName: block.name, values: [] };
      for (const { text, number } of block.lines) {
        const where = `enum ${block.name}, line ${number}`;
        if (text.startsWith("@@")) {
          const [attribute] = parseAttributes(text, where);
          if (attribute?.name !== "map") throw new UnsupportedSchema(`${where}: unsupported ${text}`);
          result.dbName = firstString(attribute.args, where);
        } else if (/^\w+$/.test(text)) {
          result.values.push(text);
        } else {
          throw new UnsupportedSchema(`${where}: unsupported enum value "${text}"`);
        }
      }
      return result;
    });

  const models = blocks
    .filter((b) => b.kind === "model")
    .map((block): SchemaModel => {
      const model: SchemaModel = { name: block.name, table: block.name, fields: [], primaryKey: [], uniques: [], indexes: [] };
      for (const { text, number } of block.lines) {
        const where = `model ${block.name}, line ${number}`;
        if (text.startsWith("@@")) {
          for (const { name, args } of parseAttributes(text, where)) {
            if (name === "map") model.table = firstString(args, where);
            else if (name === "id") model.primaryKey = fieldList(args, where).fields;
            else if (name === "unique") model.uniques.push(fieldList(args, where).fields);
            else if (name === "index") model.indexes.push(fieldList(args, where));
            else throw new UnsupportedSchema(`${where}: unsupported @@${name}`);
          }
          continue;
        }
        const match = /^(\w+)\s+(\w+)(\[\])?(\?)?(?=\s|$)(.*)$/.exec(text);
        if (!match) throw new UnsupportedSchema(`${where}: cannot read field "${text}"`);
        const [, name, type, list, optional, rest] = match as unknown as [string, string, string, string | undefined, string | undefined, string];
        const kind = SCALARS.has(type) ? "scalar" : enumNames.has(type) ? "enum" : modelNames.has(type) ? "relation" : null;
        if (!kind) throw new UnsupportedSchema(`${where}: unknown type ${type}`);
        const field: SchemaField = { name, column: name, type, kind, isList: Boolean(list), isRequired: !optional, nativeType: null };
        for (const attribute of parseAttributes(rest, where)) {
          if (attribute.name.startsWith("db.")) {
            field.nativeType = {
              name: attribute.name.slice(3),
              args: attribute.args
                ? attribute.args
                    .split(",")
                    .map((a) => a.trim())
                    .filter(Boolean)
                : [],
            };
          } else if (!FIELD_ATTRIBUTES.has(attribute.name)) {
            throw new UnsupportedSchema(`${where}: unsupported @${attribute.name}`);
          } else if (attribute.name === "map") {
            field.column = firstString(attribute.args, where);
          } else if (attribute.name === "id") {
            model.primaryKey = [name];
          } else if (attribute.name === "unique") {
            model.uniques.push([name]);
          }
        }
        model.fields.push(field);
      }
      return model;
    });

  return { models, enums };
}

// ------------------------------------------------------- Prisma → PostgreSQL

/** Element types of PostgreSQL arrays as information_schema names them (udt_name without its leading "_"). */
const ARRAY_ELEMENTS: Record<string, string> = {
  text: "text",
  integer: "int4",
  bigint: "int8",
  boolean: "bool",
  bytea: "bytea",
  jsonb: "jsonb",
  uuid: "uuid",
  "double precision": "float8",
};

const named = (type: string) => () => type;

/**
 * The column type Prisma's PostgreSQL connector creates for each scalar, by
 * the field's native type ("" where it names none), from the native type's
 * arguments.
 */
const COLUMN_TYPES: Record<string, Record<string, (args: string[]) => string>> = {
  String: {
    "": named("text"),
    Text: named("text"),
    VarChar: (args) => (args.length ? `character varying(${args[0]})` : "character varying"),
    Char: (args) => `character(${args[0] ?? "1"})`,
    Uuid: named("uuid"),
  },
  Int: { "": named("integer"), Integer: named("integer"), SmallInt: named("smallint") },
  BigInt: { "": named("bigint"), BigInt: named("bigint") },
  Boolean: { "": named("boolean") },
  DateTime: {
    // Prisma's default is timestamp(3) without time zone; @db.Timestamptz without an argument is PostgreSQL's default precision, 6.
    "": named("timestamp without time zone(3)"),
    Timestamptz: (args) => `timestamp with time zone(${args[0] ?? "6"})`,
    Timestamp: (args) => `timestamp without time zone(${args[0] ?? "6"})`,
    Date: named("date"),
  },
  Bytes: { "": named("bytea"), ByteA: named("bytea") },
  Json: { "": named("jsonb"), JsonB: named("jsonb"), Json: named("json") },
  Float: { "": named("double precision"), DoublePrecision: named("double precision") },
  Decimal: { "": named("numeric(65,30)"), Decimal: (args) => `numeric(${args.join(",")})` },
};

/** The column type Prisma's PostgreSQL connector creates for a field, in the words of describeColumn below. */
function expectedType(field: SchemaField, enums: SchemaEnum[]): string {
  const base = ((): string => {
    if (field.kind === "enum") return `USER-DEFINED ${enums.find((e) => e.name === field.type)!.dbName}`;
    const native = field.nativeType;
    const columnType = COLUMN_TYPES[field.type]?.[native?.name ?? ""];
    if (!columnType) throw new UnsupportedSchema(`${field.name}: @db.${native?.name} on ${field.type} is not mapped by the drift test yet`);
    return columnType(native?.args ?? []);
  })();
  if (!field.isList) return base;
  if (field.kind === "enum") return `ARRAY of ${base.replace("USER-DEFINED ", "")}`;
  const element = ARRAY_ELEMENTS[base];
  if (!element) throw new UnsupportedSchema(`${field.name}: lists of ${base} are not mapped by the drift test yet`);
  return `ARRAY of ${element}`;
}

// ------------------------------------------------------------- the database

interface DbColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  datetime_precision: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  is_nullable: "YES" | "NO";
}

interface DbIndex {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: Array<string | null>;
  descending: boolean[];
  partial: boolean;
}

interface DatabaseShape {
  tables: string[];
  columns: DbColumn[];
  indexes: DbIndex[];
  enums: Array<{ name: string; values: string[] }>;
}

function describeColumn(column: DbColumn): string {
  switch (column.data_type) {
    case "character varying":
      return column.character_maximum_length === null ? "character varying" : `character varying(${column.character_maximum_length})`;
    case "character":
      return `character(${column.character_maximum_length})`;
    case "timestamp with time zone":
    case "timestamp without time zone":
      return `${column.data_type}(${column.datetime_precision})`;
    case "numeric":
      return `numeric(${column.numeric_precision},${column.numeric_scale})`;
    case "USER-DEFINED":
      return `USER-DEFINED ${column.udt_name}`;
    case "ARRAY":
      return `ARRAY of ${column.udt_name.replace(/^_/, "")}`;
    default:
      return column.data_type;
  }
}

/** Prisma's own bookkeeping, created by the migration runner, not by the schema. */
const PRISMA_MIGRATIONS_TABLE = "_prisma_migrations";

async function readDatabase(client: pg.Client): Promise<DatabaseShape> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const columns = await client.query<DbColumn>(
    `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, datetime_precision, numeric_precision, numeric_scale, is_nullable
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  // Key columns only (not INCLUDE columns), in index order; an expression's column is NULL.
  const indexes = await client.query<DbIndex>(
    `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS "unique", x.indisprimary AS "primary",
            array_agg(a.attname::text ORDER BY k.ord) AS columns,
            array_agg((x.indoption[k.ord - 1] & 1) = 1 ORDER BY k.ord) AS descending,
            x.indpred IS NOT NULL AS partial
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND k.ord <= x.indnkeyatts
      GROUP BY t.relname, i.relname, x.indisunique, x.indisprimary, x.indpred`,
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  return { tables: tables.rows.map((r) => r.table_name), columns: columns.rows, indexes: indexes.rows, enums: enums.rows };
}

// ------------------------------------------------------------ the comparison

const key = (table: string, columns: ReadonlyArray<string | null>) => `${table}(${columns.map((c) => c ?? "<expression>").join(", ")})`;

/** Every way the database differs from the schema, one readable line each; empty when they agree. */
function compareSchemaWithDatabase(schema: ParsedSchema, db: DatabaseShape): string[] {
  const differences: string[] = [];
  const schemaTables = new Set(schema.models.map((m) => m.table));

  for (const table of db.tables) {
    if (table !== PRISMA_MIGRATIONS_TABLE && !schemaTables.has(table)) differences.push(`table ${table} is in the database but no model maps to it`);
  }

  for (const model of schema.models) {
    if (!db.tables.includes(model.table)) {
      differences.push(`table ${model.table} (model ${model.name}) is missing in the database`);
      continue;
    }
    const columnOf = (fieldName: string) => model.fields.find((f) => f.name === fieldName)?.column ?? `<unknown field ${fieldName}>`;
    const dbColumns = db.columns.filter((c) => c.table_name === model.table);
    const scalarFields = model.fields.filter((f) => f.kind !== "relation");

    for (const field of scalarFields) {
      const column = dbColumns.find((c) => c.column_name === field.column);
      const where = `${model.table}.${field.column} (${model.name}.${field.name})`;
      if (!column) {
        differences.push(`${where} is missing in the database`);
        continue;
      }
      const expected = expectedType(field, schema.enums);
      const actual = describeColumn(column);
      if (expected !== actual) differences.push(`${where} is ${actual} in the database, the schema says ${expected}`);
      // Prisma's migrations leave scalar lists nullable, even though the field cannot be optional.
      const expectedNullable = field.isList || !field.isRequired;
      if (expectedNullable !== (column.is_nullable === "YES")) {
        differences.push(
          `${where} is ${column.is_nullable === "YES" ? "nullable" : "NOT NULL"} in the database, the schema says ${expectedNullable ? "optional" : "required"}`,
        );
      }
    }
    for (const column of dbColumns) {
      if (!scalarFields.some((f) => f.column === column.column_name))
        differences.push(`${model.table}.${column.column_name} is in the database but not in model ${model.name}`);
    }

    // Unique indexes, primary key included, must match in both directions.
    const dbIndexes = db.indexes.filter((i) => i.table === model.table);
    const expectedUnique = new Map<string, "primary key" | "unique index">();
    if (model.primaryKey.length > 0) expectedUnique.set(key(model.table, model.primaryKey.map(columnOf)), "primary key");
    for (const fields of model.uniques) expectedUnique.set(key(model.table, fields.map(columnOf)), "unique index");
    const actualUnique = new Map(
      dbIndexes.filter((i) => i.unique && !i.partial).map((i) => [key(i.table, i.columns), i.primary ? ("primary key" as const) : ("unique index" as const)]),
    );
    for (const [index, kind] of expectedUnique) {
      const actual = actualUnique.get(index);
      if (!actual) differences.push(`${kind} on ${index} is missing in the database`);
      else if (actual !== kind) differences.push(`${index} is a ${actual} in the database, the schema says ${kind}`);
    }
    for (const [index, kind] of actualUnique) {
      if (!expectedUnique.has(index)) differences.push(`${kind} on ${index} is in the database but not in the schema`);
    }
    for (const index of dbIndexes.filter((i) => i.unique && i.partial)) {
      differences.push(`partial unique index ${index.name} on ${key(index.table, index.columns)} is in the database; the schema cannot express it`);
    }

    // Each @@index the schema declares must exist with its columns in order and direction. The database may have
    // more: indexes PSL cannot express (NULLS LAST, expressions) live in SQL only.
    for (const index of model.indexes) {
      const columns = index.fields.map(columnOf);
      const found = dbIndexes.some(
        (i) => !i.partial && key(i.table, i.columns) === key(model.table, columns) && i.descending.every((desc, n) => desc === index.descending[n]),
      );
      if (!found) {
        const wanted = columns.map((c, n) => (index.descending[n] ? `${c} DESC` : c));
        differences.push(`index on ${model.table}(${wanted.join(", ")}) is missing in the database`);
      }
    }
  }

  for (const schemaEnum of schema.enums) {
    const dbEnum = db.enums.find((e) => e.name === schemaEnum.dbName);
    if (!dbEnum) differences.push(`enum ${schemaEnum.dbName} is missing in the database`);
    else if (dbEnum.values.join(",") !== schemaEnum.values.join(",")) {
      differences.push(`enum ${schemaEnum.dbName} is (${dbEnum.values.join(", ")}) in the database, the schema says (${schemaEnum.values.join(", ")})`);
    }
  }
  for (const dbEnum of db.enums) {
    if (!schema.enums.some((e) => e.dbName === dbEnum.name)) differences.push(`enum ${dbEnum.name} is in the database but not in the schema`);
  }

  return differences;
}

// ----------------------------------------------------------------- the tests

const SCHEMA_SOURCE = readFileSync(path.join(import.meta.dirname, "schema.prisma"), "utf8");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
let database: DatabaseShape;

beforeAll(async () => {
  await client.connect();
  database = await readDatabase(client);
});

afterAll(async () => {
  await client.end();
});

/** The real schema with one edit; refuses an edit that does not apply, so no case passes by changing nothing. */
function edited(find: string | RegExp, replace: string): string {
  const result = SCHEMA_SOURCE.replace(find, replace);
  if (result === SCHEMA_SOURCE) throw new Error(`The edit ${String(find)} does not apply to prisma/schema.prisma any more`);
  return result;
}

describe("prisma/schema.prisma and the migrated database", () => {
  it("agree: tables, columns, types, nullability, unique and declared indexes, enums", () => {
    expect(compareSchemaWithDatabase(parseSchema(SCHEMA_SOURCE), database)).toEqual([]);
  });

  it("are read completely: the parser sees every model, scalar field and enum value the generated client knows", () => {
    const schema = parseSchema(SCHEMA_SOURCE);
    const scalarFieldEnums = Prisma as unknown as Record<string, Record<string, string> | undefined>;
    expect(schema.models.map((m) => m.name).sort()).toEqual(Object.keys(Prisma.ModelName).sort());
    for (const model of schema.models) {
      const clientFields = Object.keys(scalarFieldEnums[`${model.name}ScalarFieldEnum`] ?? {});
      expect(
        model.fields
          .filter((f) => f.kind !== "relation")
          .map((f) => f.name)
          .sort(),
        model.name,
      ).toEqual(clientFields.sort());
    }
    const clientEnums = $Enums as unknown as Record<string, Record<string, string>>;
    expect(Object.fromEntries(schema.enums.map((e) => [e.name, e.values]))).toEqual(
      Object.fromEntries(Object.entries(clientEnums).map(([name, values]) => [name, Object.values(values)])),
    );
  });
});

describe("the drift check", () => {
  // Each edit must be reported exactly, and nothing else: the real schema compares clean, so any extra line is noise.
  it.each([
    [
      "a field added without a migration",
      edited(/(\n\s*reason\s+String\?)/, "\n  note String?$1"),
      ["login_tokens.note (LoginToken.note) is missing in the database"],
    ],
    [
      "a mapped column renamed",
      edited('@map("user_agent")', '@map("agent")'),
      ["shop_sessions.agent (ShopSession.userAgent) is missing in the database", "shop_sessions.user_agent is in the database but not in model ShopSession"],
    ],
    ["a field removed from the schema", edited(/\n\s*ip\s+String\?\n/, "\n"), ["shop_sessions.ip is in the database but not in model ShopSession"]],
    [
      "a length changed",
      edited("@db.VarChar(4000)", "@db.VarChar(2000)"),
      ["login_tokens.extra (LoginToken.extra) is character varying(4000) in the database, the schema says character varying(2000)"],
    ],
    [
      "a type changed",
      edited(/(successfulAttempts\s+)Int/, "$1BigInt"),
      ["login_tokens.successful_attempts (LoginToken.successfulAttempts) is integer in the database, the schema says bigint"],
    ],
    [
      "a precision changed",
      edited(/(lockedAt\s+DateTime\?.*?)@db\.Timestamptz\(3\)/, "$1@db.Timestamptz(6)"),
      ["login_tokens.locked_at (LoginToken.lockedAt) is timestamp with time zone(3) in the database, the schema says timestamp with time zone(6)"],
    ],
    [
      "an optional field made required",
      edited(/(reason\s+)String\?/, "$1String "),
      ["login_tokens.reason (LoginToken.reason) is nullable in the database, the schema says required"],
    ],
    ["a unique index added", edited(/(prefix\s+String)/, "$1 @unique"), ["unique index on api_keys(prefix) is missing in the database"]],
    ["a unique index dropped", edited(/(email\s+String\s+)@unique/, "$1"), ["unique index on contacts(email) is in the database but not in the schema"]],
    [
      "a composite unique index added",
      edited(/(\n\s*@@map\("customers"\))/, "\n  @@unique([lastName, firstName])$1"),
      ["unique index on customers(last_name, first_name) is missing in the database"],
    ],
    ["an index added", edited(/(\n\s*@@map\("login_tokens"\))/, "\n  @@index([reason])$1"), ["index on login_tokens(reason) is missing in the database"]],
    [
      "an index's direction changed",
      edited("@@index([usedAt])", "@@index([usedAt(sort: Desc)])"),
      ["index on login_tokens(used_at DESC) is missing in the database"],
    ],
    [
      "an enum value added",
      edited(/(\n\s*CATALOG)/, "$1\n  MARKETING"),
      ["enum StaffRole is (CONFIGURATION, ORDERS, CATALOG) in the database, the schema says (CONFIGURATION, ORDERS, CATALOG, MARKETING)"],
    ],
    ["a model added", `${SCHEMA_SOURCE}\nmodel Coupon {\n  id Int @id\n  @@map("coupons")\n}\n`, ["table coupons (model Coupon) is missing in the database"]],
    ["a model removed", edited(/\n[^\n]*\nmodel RateLimitCounter \{[^}]*\}/, ""), ["table rate_limit_counters is in the database but no model maps to it"]],
    [
      "an enum removed",
      edited(/enum ActorType \{[^}]*\}/, "").replace(/(actorType\s+)ActorType/, "$1String"),
      [
        "audit_events.actor_type (AuditEvent.actorType) is USER-DEFINED ActorType in the database, the schema says text",
        "enum ActorType is in the database but not in the schema",
      ],
    ],
  ])("reports %s", (_label, schemaSource, expected) => {
    expect(compareSchemaWithDatabase(parseSchema(schemaSource), database)).toEqual(expected);
  });

  it.each([
    ["a view", `${SCHEMA_SOURCE}\nview ActiveTokens {\n  id String @id\n}\n`, /"view" blocks/],
    ["an Unsupported type", edited(/(\n\s*reason\s+String\?)/, '\n  search Unsupported("tsvector")?$1'), /unknown type Unsupported|cannot read/],
    ["an attribute it does not know", edited(/(\n\s*@@map\("login_tokens"\))/, '\n  @@schema("shop")$1'), /unsupported @@schema/],
    ["a native type it does not map", edited("@db.VarChar(4000)", "@db.Citext"), /@db\.Citext on String is not mapped/],
  ])("refuses a schema with %s instead of skipping it", (_label, schemaSource, message) => {
    expect(() => compareSchemaWithDatabase(parseSchema(schemaSource), database)).toThrow(message);
  });
});
