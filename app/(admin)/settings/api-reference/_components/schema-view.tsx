import type { ReferenceObject, SchemaObject } from "openapi3-ts/oas31";
import type { ReactNode } from "react";
import { ReferenceTable } from "@/app/(admin)/settings/api-reference/_components/reference-table";
import { TableCell, TableRow } from "@/components/ui/table";

/** A schema of the document, or a reference to one of its named schemas. */
export type JsonSchema = SchemaObject | ReferenceObject;

/** What this page reads of a schema: a reference is a schema with nothing but its `$ref` (and description). */
export const schemaFields = (schema: JsonSchema): SchemaObject => ("$ref" in schema ? { $ref: schema.$ref, description: schema.description } : schema);

export const schemaAnchor = (name: string) => `schema-${name}`;
export const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A name or value in running text, set as code. */
export function InlineCode({ children }: { children: ReactNode }) {
  return <code className="rounded bg-muted px-1 py-px font-mono text-[0.8125rem] text-foreground">{children}</code>;
}

/** Inline `code` and **bold** of the document's descriptions; React escapes the rest. */
export function Prose({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <InlineCode key={i}>{part.slice(1, -1)}</InlineCode>
        ) : part.startsWith("**") && part.endsWith("**") ? (
          <strong key={i} className="font-semibold text-foreground">
            {part.slice(2, -2)}
          </strong>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Enums longer than this list their values under the description instead of as the type. */
const LONG_ENUM = 4;

/** A type as a developer reads it: `string (date-time) | null`, `LoginToken[]`, `"ACTIVE" | "EXPIRED"`. */
export function TypeLabel({ schema: input }: { schema: JsonSchema }): ReactNode {
  const schema = schemaFields(input);
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-medium text-primary underline-offset-4 hover:underline">
        {name}
      </a>
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    return variants.map((variant, i) => (
      <span key={i}>
        {i > 0 && " | "}
        <TypeLabel schema={variant} />
      </span>
    ));
  }
  if (schema.properties) return "object";
  if (schema.enum && schema.enum.length > LONG_ENUM) return `${schema.type ?? "string"} (enum)`;
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ["any"];
  return types.map((type, i) => (
    <span key={type}>
      {i > 0 && " | "}
      {type === "array" && schema.items ? (
        <>
          <TypeLabel schema={schema.items} />
          []
        </>
      ) : (
        <>
          {type}
          {type !== "null" && schema.format && <span className="text-muted-foreground"> ({schema.format})</span>}
        </>
      )}
    </span>
  ));
}

// The largest 32-bit integer bounds ids for the database's sake; it is no limit worth reading.
const INT32_MAX = 2_147_483_647;

/** Limits worth knowing before a request is refused for them. */
export function constraintsOf(input: JsonSchema): string[] {
  const schema = schemaFields(input);
  const out: string[] = [];
  const maximum = schema.maximum === INT32_MAX ? undefined : schema.maximum;
  if (schema.minimum !== undefined && maximum !== undefined) out.push(`${schema.minimum} to ${maximum}`);
  else if (schema.minimum !== undefined) out.push(`at least ${schema.minimum}`);
  else if (maximum !== undefined) out.push(`at most ${maximum}`);
  if (schema.exclusiveMinimum === 0) out.push("positive");
  else if (schema.exclusiveMinimum !== undefined) out.push(`more than ${schema.exclusiveMinimum}`);
  if (schema.minLength === 1) out.push("not empty");
  else if (schema.minLength !== undefined && schema.minLength > 1) out.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) out.push(`at most ${schema.maxLength.toLocaleString("en")} characters`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

export interface FieldRow {
  name: string;
  schema: SchemaObject;
  required: boolean;
  description?: string;
  location?: string;
}

function FieldName({ name }: { name: string }) {
  const cut = name.lastIndexOf(".");
  if (cut <= 0) return <span className="font-medium">{name}</span>;
  return (
    <>
      <span className="text-muted-foreground">{name.slice(0, cut + 1)}</span>
      <span className="font-medium">{name.slice(cut + 1)}</span>
    </>
  );
}

/**
 * `mark` says which fields to flag: in a request the required ones matter; in
 * a response nearly every field is always there, so the few that may be
 * missing are the ones worth flagging.
 */
export function FieldTable({
  rows,
  label,
  showLocation = false,
  mark = "required",
}: {
  rows: FieldRow[];
  label: string;
  showLocation?: boolean;
  mark?: "required" | "optional";
}) {
  return (
    <ReferenceTable label={label} columns={[["Field", "w-56"], ...(showLocation ? [["In", "w-16"] as const] : []), ["Type", "w-52"], ["Description"]]}>
      {rows.map((row) => {
        const limits = constraintsOf(row.schema);
        const longEnum = row.schema.enum && row.schema.enum.length > LONG_ENUM ? row.schema.enum : null;
        return (
          <TableRow key={`${row.location ?? ""}${row.name}`} className="hover:bg-transparent">
            <TableCell className="align-top whitespace-normal">
              <code className="font-mono text-[0.8125rem] break-all">
                <FieldName name={row.name} />
              </code>
              {mark === "required" && row.required && <span className="block text-[11px] leading-4 font-medium text-destructive">required</span>}
              {mark === "optional" && !row.required && <span className="block text-[11px] leading-4 text-muted-foreground">optional</span>}
            </TableCell>
            {showLocation && <TableCell className="align-top text-muted-foreground">{row.location}</TableCell>}
            <TableCell className="align-top font-mono text-[0.8125rem] whitespace-normal">
              <TypeLabel schema={row.schema} />
            </TableCell>
            <TableCell className="align-top whitespace-normal text-muted-foreground">
              {row.description && <Prose text={row.description} />}
              {longEnum && (
                <span className="mt-1 flex flex-wrap gap-1">
                  {longEnum.map((value) => (
                    <code key={String(value)} className="rounded bg-muted px-1 py-px font-mono text-[11px] text-foreground">
                      {String(value)}
                    </code>
                  ))}
                </span>
              )}
              {limits.length > 0 && <span className="mt-0.5 block text-xs text-muted-foreground/90">{limits.join(" · ")}</span>}
            </TableCell>
          </TableRow>
        );
      })}
    </ReferenceTable>
  );
}

/**
 * An object schema as rows of its fields. Inline objects (not named schemas)
 * are spelled out below their field, dotted (`error.code`, `error.details[].path`),
 * so that every field of a body is on the page.
 */
export function objectRows(input: JsonSchema, prefix = ""): FieldRow[] {
  const schema = schemaFields(input);
  return Object.entries(schema.properties ?? {}).flatMap(([name, reference]) => {
    const property = schemaFields(reference);
    const items = property.items && schemaFields(property.items);
    const row: FieldRow = { name: `${prefix}${name}`, schema: property, required: schema.required?.includes(name) ?? false, description: property.description };
    if (property.properties) return [row, ...objectRows(property, `${row.name}.`)];
    if (items?.properties) return [row, ...objectRows(items, `${row.name}[].`)];
    return [row];
  });
}

/** Every named schema of the document, its fields marked required where a request sends it, optional where a response does. */
export function SchemaCatalogue({ components, requestSchemas }: { components: Record<string, SchemaObject>; requestSchemas: ReadonlySet<string> }) {
  return (
    <div className="grid grid-cols-1 gap-6">
      {Object.entries(components).map(([name, schema]) => (
        <div key={name} id={schemaAnchor(name)} className="scroll-mt-6">
          <h3 className="mb-1 font-mono text-sm font-semibold">{name}</h3>
          {schema.description && (
            <p className="mb-2 text-sm text-muted-foreground">
              <Prose text={schema.description} />
            </p>
          )}
          {schema.properties ? (
            <FieldTable rows={objectRows(schema)} label={`${name} fields`} mark={requestSchemas.has(name) ? "required" : "optional"} />
          ) : (
            <TypeLabel schema={schema} />
          )}
        </div>
      ))}
    </div>
  );
}
