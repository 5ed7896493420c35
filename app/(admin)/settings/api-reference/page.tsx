import { FileJsonIcon, KeySquareIcon } from "lucide-react";
import type { Metadata } from "next";
import type { SchemaObject } from "openapi3-ts/oas31";
import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorCatalogue } from "@/app/(admin)/settings/api-reference/_components/error-catalogue";
import { jsonSchemaOf, OperationView } from "@/app/(admin)/settings/api-reference/_components/operation-view";
import { InlineCode, Prose, refName, SchemaCatalogue, schemaFields } from "@/app/(admin)/settings/api-reference/_components/schema-view";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument, type CatalogueEntry } from "@/lib/api/openapi";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };

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
                <span className="font-semibold text-foreground">Base URL</span>: <InlineCode>{server}</InlineCode>
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
              {operations.map(({ path, method, operation }) => (
                <OperationView key={operation.operationId} server={server} path={path} method={method} operation={operation} components={components} />
              ))}
            </div>
          </Section>

          <Section id="errors" title="Errors">
            <ErrorCatalogue catalogue={catalogue} />
          </Section>

          <Section id="schemas" title="Schemas">
            <SchemaCatalogue components={components} requestSchemas={requestSchemas} />
          </Section>
        </div>
      </div>
    </>
  );
}
