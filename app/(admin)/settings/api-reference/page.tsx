import { FileJsonIcon, KeySquareIcon } from "lucide-react";
import type { Metadata } from "next";
import type { OperationObject, ReferenceObject, RequestBodyObject, ResponseObject, SchemaObject } from "openapi3-ts/oas31";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TableCell, TableRow } from "@/components/ui/table";
import { ReferenceTable } from "@/app/(admin)/settings/api-reference/_components/reference-table";
import {
  FieldTable,
  objectRows,
  Prose,
  refName,
  schemaAnchor,
  TypeLabel,
  type FieldRow,
  schemaFields,
} from "@/app/(admin)/settings/api-reference/_components/schema-view";
import { openApiDocument, type CatalogueEntry } from "@/lib/api/openapi";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

/** The document inlines parameters, request bodies and responses; only schemas are referenced (from components). */
function inline<T extends object>(value: T | ReferenceObject | undefined): T | undefined {
  return value && !("$ref" in value) ? value : undefined;
}

const jsonSchemaOf = (operation: OperationObject) => inline<RequestBodyObject>(operation.requestBody)?.content["application/json"]?.schema;

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

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6">
      <h2 id={`${id}-title`} className="mb-3 text-base font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Subheading({ children }: { children: ReactNode }) {
  return <h4 className="mt-4 mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{children}</h4>;
}

export default async function ApiReferencePage() {
  const staff = await requirePagePermission("loginTokens.read", "/settings/api-reference");
  const server = env().APP_URL;
  const document = openApiDocument(server);
  const components: Record<string, SchemaObject> = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, schemaFields(schema)]),
  );
  const catalogue: CatalogueEntry[] = document["x-error-catalogue"];
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  const requestSchemas = new Set(
    operations.flatMap(({ operation }) => {
      const ref = jsonSchemaOf(operation)?.$ref;
      return ref ? [refName(ref)] : [];
    }),
  );
  const descriptionParagraphs = (document.info.description ?? "").split(/\n\s*\n/);

  return (
    <>
      <PageHeader
        title="API reference"
        description={`${document.info.title} ${document.info.version} · OpenAPI ${document.openapi}. Generated from the schemas the API validates with.`}
        actions={
          <>
            {can(staff, "apiKeys.manage") && (
              <Button variant="outline" asChild>
                <Link href="/settings/api-keys">
                  <KeySquareIcon aria-hidden />
                  API keys
                </Link>
              </Button>
            )}
            <Button variant="outline" asChild>
              <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
                <FileJsonIcon aria-hidden />
                openapi.json
              </a>
            </Button>
          </>
        }
      />

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <nav aria-label="On this page" className="hidden lg:block">
          <div className="sticky top-6 grid gap-0.5 text-sm">
            <p className="px-2 pb-1 text-xs font-medium text-muted-foreground">On this page</p>
            <a href="#overview" className="rounded-md px-2 py-1 hover:bg-accent">
              Overview
            </a>
            {operations.map(({ method, operation }) => (
              <a key={operation.operationId} href={`#${operation.operationId}`} className="flex items-baseline gap-2 rounded-md px-2 py-1 hover:bg-accent">
                <span className="w-10 shrink-0 font-mono text-[10px] font-semibold text-muted-foreground">{method.toUpperCase()}</span>
                {/* A long summary wraps within the column rather than running into the content beside it. */}
                <span className="min-w-0 leading-snug">{(operation.summary ?? "").replace(/ a login token$| login tokens$/, "")}</span>
              </a>
            ))}
            <a href="#errors" className="rounded-md px-2 py-1 hover:bg-accent">
              Errors
            </a>
            <a href="#schemas" className="rounded-md px-2 py-1 hover:bg-accent">
              Schemas
            </a>
          </div>
        </nav>

        <div className="grid min-w-0 grid-cols-1 gap-10">
          <Section id="overview" title="Overview">
            <div className="grid grid-cols-1 gap-3 rounded-lg border bg-card p-4 text-sm leading-relaxed text-muted-foreground">
              <p>
                <span className="font-semibold text-foreground">Base URL</span>:{" "}
                <code className="rounded bg-muted px-1 py-px font-mono text-[0.8125rem] text-foreground">{server}</code>
              </p>
              {descriptionParagraphs.map((paragraph, i) => (
                <p key={i}>
                  <Prose text={paragraph} />
                </p>
              ))}
            </div>
          </Section>

          <Section id="endpoints" title="Endpoints">
            <div className="grid grid-cols-1 gap-6">
              {operations.map(({ path, method, operation }) => {
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
                  <article
                    key={operation.operationId}
                    id={operation.operationId}
                    aria-labelledby={`${operation.operationId}-title`}
                    className="scroll-mt-6 rounded-lg border bg-card"
                  >
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
                                <span className={Number(status) < 300 ? "text-success" : Number(status) >= 500 ? "text-destructive" : "text-warning"}>
                                  {status}
                                </span>
                              </TableCell>
                              <TableCell className="align-top font-mono text-[0.8125rem]">
                                {body ? <TypeLabel schema={body} /> : <span className="text-muted-foreground">none</span>}
                              </TableCell>
                              <TableCell className="align-top whitespace-normal text-muted-foreground">
                                {codes ? (
                                  <span className="flex flex-wrap gap-1.5">
                                    {codes.map((code) => (
                                      <a
                                        key={code}
                                        href={`#error-${code}`}
                                        className="rounded bg-muted px-1.5 py-px font-mono text-xs text-foreground hover:bg-accent"
                                      >
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
              })}
            </div>
          </Section>

          <Section id="errors" title="Errors">
            <p className="mb-3 max-w-3xl text-sm text-muted-foreground">
              Every error is the HTTP status plus{" "}
              <code className="rounded bg-muted px-1 py-px font-mono text-[0.8125rem] text-foreground">{`{ "error": { "code", "message", "solution" } }`}</code>
              ; validation errors add <code className="rounded bg-muted px-1 py-px font-mono text-[0.8125rem] text-foreground">details</code>, one entry per
              refused field. Match on the code: messages may be reworded.
            </p>
            <ReferenceTable label="Error catalogue" columns={[["Code", "w-60"], ["Status", "w-16"], ["Message"], ["Solution"]]} className="rounded-lg bg-card">
              {catalogue.map((entry) => (
                <TableRow key={entry.code} id={`error-${entry.code}`} className="scroll-mt-6 align-top target:bg-primary-soft/60">
                  <TableCell className="align-top font-mono text-xs font-medium">{entry.code}</TableCell>
                  <TableCell className="align-top font-mono text-xs">{entry.status}</TableCell>
                  <TableCell className="align-top whitespace-normal">{entry.message}</TableCell>
                  <TableCell className="align-top whitespace-normal text-muted-foreground">
                    <Prose text={entry.solution} />
                  </TableCell>
                </TableRow>
              ))}
            </ReferenceTable>
          </Section>

          <Section id="schemas" title="Schemas">
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
          </Section>
        </div>
      </div>
    </>
  );
}
