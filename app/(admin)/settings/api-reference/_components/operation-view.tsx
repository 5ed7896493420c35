import type { OperationObject, ReferenceObject, RequestBodyObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import type { ReactNode } from "react";
import { ReferenceTable } from "@/app/(admin)/settings/api-reference/_components/reference-table";
import {
  FieldTable,
  objectRows,
  Prose,
  refName,
  schemaAnchor,
  schemaFields,
  TypeLabel,
  type FieldRow,
} from "@/app/(admin)/settings/api-reference/_components/schema-view";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { TableCell, TableRow } from "@/components/ui/table";

/** The document inlines parameters, request bodies and responses; only schemas are referenced (from components). */
export function inline<T extends object>(value: T | ReferenceObject | undefined): T | undefined {
  return value && !("$ref" in value) ? value : undefined;
}

export const jsonSchemaOf = (operation: OperationObject) => inline<RequestBodyObject>(operation.requestBody)?.content["application/json"]?.schema;

const METHOD_VARIANTS: Record<string, BadgeProps["variant"]> = { get: "success", post: "default", delete: "destructive" };

function MethodBadge({ method }: { method: string }) {
  return (
    <Badge variant={METHOD_VARIANTS[method] ?? "secondary"} className="w-14 justify-center font-mono text-[11px] tracking-wide">
      {method.toUpperCase()}
    </Badge>
  );
}

function curlExample(server: string, method: string, path: string, operation: OperationObject, components: Record<string, SchemaObject>): string {
  let url = `${server}${path}`;
  for (const parameter of (operation.parameters ?? []).map(inline)) {
    if (parameter?.in === "path") url = url.replace(`{${parameter.name}}`, String(parameter.example ?? `<${parameter.name}>`));
  }
  if (method === "get" && operation.parameters?.some((p) => inline(p)?.name === "limit")) url += "?limit=25&status=ACTIVE";
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`, `  -H "Authorization: Bearer $LATCHKEY_API_KEY"`];
  const bodyRef = jsonSchemaOf(operation)?.$ref;
  if (bodyRef) {
    const example = components[refName(bodyRef)]?.example;
    lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(example ?? {})}'`);
  }
  return lines.join(" \\\n");
}

function Subheading({ children }: { children: ReactNode }) {
  return <h4 className="mt-4 mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{children}</h4>;
}
/** One endpoint of the reference: its method and path, what it does, its parameters, request body and responses, and a curl example. */
export function OperationView({
  server,
  path,
  method,
  operation,
  components,
}: {
  server: string;
  path: string;
  method: string;
  operation: OperationObject;
  components: Record<string, SchemaObject>;
}) {
  const parameters: FieldRow[] = (operation.parameters ?? []).flatMap((reference) => {
    const parameter = inline(reference);
    return parameter
      ? [
          {
            name: parameter.name,
            location: parameter.in,
            schema: schemaFields(parameter.schema ?? {}),
            required: parameter.required ?? false,
            description: parameter.description,
          },
        ]
      : [];
  });
  const bodySchema = jsonSchemaOf(operation);
  const bodyName = bodySchema?.$ref ? refName(bodySchema.$ref) : null;
  return (
    <article id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-6 rounded-lg border bg-card">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-3">
        <MethodBadge method={method} />
        <code className="font-mono text-sm font-medium">{path}</code>
        <h3 id={`${operation.operationId}-title`} className="text-sm text-muted-foreground">
          {operation.summary}
        </h3>
      </header>
      <div className="px-4 pt-3 pb-4">
        {operation.description && (
          <p className="max-w-3xl text-sm leading-relaxed text-muted-foreground">
            <Prose text={operation.description} />
          </p>
        )}

        {parameters.length > 0 && (
          <>
            <Subheading>Parameters</Subheading>
            <FieldTable rows={parameters} label={`${operation.summary}: parameters`} showLocation />
          </>
        )}

        {bodyName && (
          <>
            <Subheading>
              Request body · <span className="normal-case">application/json</span> ·{" "}
              <a href={`#${schemaAnchor(bodyName)}`} className="text-primary normal-case hover:underline">
                {bodyName}
              </a>
            </Subheading>
            {components[bodyName]?.description && (
              <p className="mb-2 text-sm text-muted-foreground">
                <Prose text={components[bodyName]?.description ?? ""} />
              </p>
            )}
            <FieldTable rows={objectRows(components[bodyName] ?? {})} label={`${operation.summary}: request body`} />
          </>
        )}

        <Subheading>Responses</Subheading>
        <ReferenceTable label={`${operation.summary}: responses`} columns={[["Status", "w-20"], ["Body", "w-48"], ["Meaning"]]}>
          {Object.entries(operation.responses ?? {}).flatMap(([status, reference]) => {
            const response = inline<ResponseObject>(reference);
            if (!response) return [];
            const body = response.content?.["application/json"]?.schema;
            const codes: string[] | undefined = response["x-error-codes"];
            return (
              <TableRow key={status} className="hover:bg-transparent">
                <TableCell className="align-top font-mono text-[0.8125rem] font-medium">
                  <span className={Number(status) < 300 ? "text-success" : Number(status) >= 500 ? "text-destructive" : "text-warning"}>{status}</span>
                </TableCell>
                <TableCell className="align-top font-mono text-[0.8125rem]">
                  {body ? <TypeLabel schema={body} /> : <span className="text-muted-foreground">none</span>}
                </TableCell>
                <TableCell className="align-top whitespace-normal text-muted-foreground">
                  {codes ? (
                    <span className="flex flex-wrap gap-1.5">
                      {codes.map((code) => (
                        <a key={code} href={`#error-${code}`} className="rounded bg-muted px-1.5 py-px font-mono text-xs text-foreground hover:bg-accent">
                          {code}
                        </a>
                      ))}
                    </span>
                  ) : (
                    response.description
                  )}
                  {response.headers &&
                    Object.entries(response.headers).map(([name, header]) => (
                      <span key={name} className="mt-1 block text-xs">
                        Header <code className="font-mono text-foreground">{name}</code>: {header.description}
                      </span>
                    ))}
                </TableCell>
              </TableRow>
            );
          })}
        </ReferenceTable>

        <Subheading>Example</Subheading>
        <pre className="overflow-x-auto rounded-md border bg-muted/50 px-3 py-2.5 font-mono text-xs leading-relaxed text-foreground">
          {curlExample(server, method, path, operation, components)}
        </pre>
      </div>
    </article>
  );
}
