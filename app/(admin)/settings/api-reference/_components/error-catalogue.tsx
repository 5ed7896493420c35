import { ReferenceTable } from "@/app/(admin)/settings/api-reference/_components/reference-table";
import { InlineCode, Prose } from "@/app/(admin)/settings/api-reference/_components/schema-view";
import { TableCell, TableRow } from "@/components/ui/table";
import type { CatalogueEntry } from "@/lib/api/openapi";

/** Every error code the API answers with, its status, message and what to do; each row an anchor the responses link to. */
export function ErrorCatalogue({ catalogue }: { catalogue: CatalogueEntry[] }) {
  return (
    <>
      <p className="mb-3 max-w-3xl text-sm text-muted-foreground">
        Every error is the HTTP status plus <InlineCode>{`{ "error": { "code", "message", "solution" } }`}</InlineCode>; validation errors add{" "}
        <InlineCode>details</InlineCode>, one entry per refused field. Match on the code: messages may be reworded.
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
    </>
  );
}
