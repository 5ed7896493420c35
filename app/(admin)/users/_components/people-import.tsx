"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCircle2Icon, DownloadIcon, FileUpIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { FormCheckboxField } from "@/components/ui/form-fields";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Select, SelectOptions, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/sonner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { applyActionErrors, type ActionFailure } from "@/lib/actions/action-form-errors";
import { refusedRowsCsv } from "@/lib/people/import-report-csv";
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_MAX_MB,
  OPTIONAL_IMPORT_FIELDS,
  importOptionsSchema,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ImportOptions,
  type ImportReport,
  type ImportStreamLine,
} from "@/lib/people/import-schema";
import { cn } from "@/lib/utils";

const number = new Intl.NumberFormat("en-GB");
const NOT_IN_FILE = "none";
/** Refused rows listed on the page; the download has them all. */
const REFUSED_SHOWN = 100;
const NOUNS = {
  contact: { one: "contact", many: "contacts", page: "/users/contacts" },
  customer: { one: "customer", many: "customers", page: "/users/customers" },
};

type Progressing = { label: string; fraction: number; rows: number };
type Outcome = { report: ImportReport; failure?: undefined } | { report?: undefined; failure: ActionFailure };

const failed = (message: string, field?: string): Outcome => ({ failure: { serverError: { code: "IMPORT_FAILED", message, ...(field ? { field } : {}) } } });

const rowsOf = (count: number) => `${number.format(count)} ${count === 1 ? "row" : "rows"}`;

/** Sends the file to the import route and follows its stream of progress lines to the report. */
async function runImport(file: File, options: ImportOptions, onProgress: (progress: Omit<Progressing, "label">) => void): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`/users/import?input=${encodeURIComponent(JSON.stringify(options))}`, {
      method: "POST",
      body: file,
      headers: { "Content-Type": "text/csv" },
    });
  } catch {
    return failed("Latchkey could not be reached. Nothing was imported; check the connection and try again.");
  }
  if (!response.ok || !response.body) {
    const failure = (await response.json().catch(() => null)) as ActionFailure | null;
    return failure ? { failure } : failed(`The import was refused (${response.status}). Nothing was imported.`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffered += value ?? "";
    const lines = buffered.split("\n");
    buffered = done ? "" : lines.pop()!;
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as ImportStreamLine;
      if (line.type === "progress") onProgress({ rows: line.rows, fraction: line.totalBytes > 0 ? line.bytes / line.totalBytes : 0 });
      else if (line.type === "done") return { report: line.report };
      else return failed(line.message, line.field);
    }
    if (done) return failed("The answer ended before the import did. Nothing was imported; try again.");
  }
}

function downloadRefused(report: ImportReport, fileName: string) {
  const url = URL.createObjectURL(new Blob([refusedRowsCsv(report.refused)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.csv$/i, "")}-refused.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later rather than at once: the browser reads the blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Users > Contacts > Import and Users > Customers > Import: choose a CSV,
 * check it (mapping, preview, what each row would do, the refused rows with
 * their line and reason), then import it in one go with a progress bar.
 */
export function PeopleImport({ kind }: { kind: ImportKind }) {
  const id = useId();
  const noun = NOUNS[kind];
  const fields: readonly ImportField[] = IMPORT_FIELDS[kind];
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ report: ImportReport; mapping: string } | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const form = useForm<ImportOptions>({
    resolver: zodResolver(importOptionsSchema),
    defaultValues: { kind, dryRun: true, allOrNothing: false, fileName: "", mapping: undefined },
  });
  const mapping = useWatch({ control: form.control, name: "mapping" });
  const stale = check !== null && JSON.stringify(mapping ?? {}) !== check.mapping;

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setFileError(null);
    setCheck(null);
    setImported(null);
    form.reset({ kind, dryRun: true, allOrNothing: form.getValues("allOrNothing"), fileName: chosen?.name ?? "", mapping: undefined });
  }

  async function submit(values: ImportOptions) {
    if (!file) {
      setFileError("Choose a CSV file first.");
      return;
    }
    const label = values.dryRun ? `Checking ${file.name}…` : `Importing ${file.name}…`;
    setProgress({ label, fraction: 0, rows: 0 });
    setFileError(null);
    const outcome = await runImport(file, values, (step) => setProgress({ label, ...step }));
    setProgress(null);
    if (outcome.failure) {
      const asAction = outcome.failure;
      if (asAction.serverError?.field === "file") {
        setFileError(asAction.serverError.message);
        return;
      }
      const message = applyActionErrors(
        asAction,
        form.setError,
        fields.map((field) => `mapping.${field}` as const),
      );
      if (message) form.setError("root", { message });
      return;
    }
    const report = outcome.report;
    if (values.dryRun) {
      form.setValue("mapping", report.mapping);
      setCheck({ report, mapping: JSON.stringify(report.mapping) });
      return;
    }
    setImported(report);
    if (report.applied) {
      toast.success(`Imported ${file.name}`, {
        description: `${number.format(report.counts.created)} created, ${number.format(report.counts.updated)} updated.`,
      });
    }
  }

  const onSubmit = (dryRun: boolean) => form.handleSubmit((values) => submit({ ...values, dryRun, mapping: check ? values.mapping : undefined }))();

  const pending = progress !== null;
  const report = imported ?? check?.report ?? null;
  const unmapped = check ? fields.filter((field) => mapping?.[field] === undefined && !OPTIONAL_IMPORT_FIELDS.includes(field)) : [];
  const allOrNothing = useWatch({ control: form.control, name: "allOrNothing" });

  return (
    <Form {...form}>
      <form noValidate onSubmit={(event) => event.preventDefault()} className="grid max-w-5xl gap-5">
        <section aria-labelledby={`${id}-file`} className="grid gap-4 rounded-lg border bg-card p-4">
          <h2 id={`${id}-file`} className="text-sm font-semibold">
            1. The file
          </h2>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-input`}>CSV file</Label>
            <Input
              ref={fileInput}
              id={`${id}-input`}
              type="file"
              accept=".csv,text/csv"
              disabled={pending || imported !== null}
              aria-invalid={fileError !== null}
              aria-describedby={`${id}-file-help${fileError ? ` ${id}-file-error` : ""}`}
              onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              className="h-auto py-1.5 file:mr-3 file:rounded file:bg-muted file:px-2 file:py-0.5"
            />
            <p id={`${id}-file-help`} className="text-xs text-muted-foreground">
              UTF-8, comma or semicolon between fields, a header row first; at most {IMPORT_MAX_MB} MB. Rows are matched by the webshop&apos;s id: a new id
              creates a {noun.one}, a known one updates it.
            </p>
            {fileError && (
              <p id={`${id}-file-error`} role="alert" className="text-sm text-destructive">
                {fileError}
              </p>
            )}
          </div>
          <FormCheckboxField
            control={form.control}
            name="allOrNothing"
            label="All or nothing"
            description="Import no row at all when any row is refused. Otherwise the good rows are imported and the refused ones listed."
            disabled={pending || imported !== null}
          />
          {!check && !imported && (
            <div>
              <Button type="button" onClick={() => onSubmit(true)} disabled={pending || !file}>
                <FileUpIcon aria-hidden />
                Check the file
              </Button>
            </div>
          )}
        </section>

        {check && !imported && (
          <section aria-labelledby={`${id}-mapping`} className="grid gap-4 rounded-lg border bg-card p-4">
            <div>
              <h2 id={`${id}-mapping`} className="text-sm font-semibold">
                2. Columns
              </h2>
              <p className="mt-0.5 text-sm text-muted-foreground">
                Which column of the file holds each field. Columns with the usual names were matched already.
              </p>
            </div>
            <div className="grid gap-x-4 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
              {fields.map((field) => (
                <FormField
                  key={field}
                  control={form.control}
                  name={`mapping.${field}`}
                  render={({ field: control }) => (
                    <FormItem>
                      <FormLabel>
                        {IMPORT_FIELD_LABELS[field]}
                        {OPTIONAL_IMPORT_FIELDS.includes(field) && <span className="font-normal text-muted-foreground"> (optional)</span>}
                      </FormLabel>
                      <Select
                        value={control.value === undefined ? NOT_IN_FILE : String(control.value)}
                        onValueChange={(picked) => {
                          form.clearErrors(`mapping.${field}`);
                          const next: ImportMapping = { ...form.getValues("mapping") };
                          if (picked === NOT_IN_FILE) delete next[field];
                          else next[field] = Number(picked);
                          form.setValue("mapping", next);
                        }}
                        disabled={pending}
                      >
                        <FormControl>
                          <SelectTrigger className="w-full">
                            <SelectValue>
                              {control.value === undefined
                                ? OPTIONAL_IMPORT_FIELDS.includes(field)
                                  ? "Not in the file"
                                  : "Choose a column"
                                : check.report.headers[control.value] || `Column ${control.value + 1}`}
                            </SelectValue>
                          </SelectTrigger>
                        </FormControl>
                        <SelectOptions
                          none={{ value: NOT_IN_FILE, label: OPTIONAL_IMPORT_FIELDS.includes(field) ? "Not in the file" : "Choose a column" }}
                          options={check.report.headers.map((header, index) => ({ value: String(index), label: header || `Column ${index + 1}` }))}
                        />
                      </Select>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              ))}
            </div>
            {unmapped.length > 0 && (
              <Alert variant="warning">
                <TriangleAlertIcon aria-hidden />
                <AlertDescription className="text-foreground">
                  Choose a column for {unmapped.map((field) => IMPORT_FIELD_LABELS[field].toLowerCase()).join(", ")}: every row needs it.
                </AlertDescription>
              </Alert>
            )}
            <PreviewTable report={check.report} fields={fields} mapping={mapping ?? {}} />
          </section>
        )}

        {progress && (
          <div className="grid gap-1.5 rounded-lg border bg-card p-4" aria-live="polite">
            <div className="flex items-baseline justify-between gap-4 text-sm">
              <span id={`${id}-progress`} className="font-medium">
                {progress.label}
              </span>
              <span className="text-muted-foreground tabular-nums">{rowsOf(progress.rows)}</span>
            </div>
            <Progress aria-labelledby={`${id}-progress`} value={Math.round(progress.fraction * 100)} />
          </div>
        )}

        {form.formState.errors.root && (
          <Alert variant="destructive" role="alert">
            <TriangleAlertIcon aria-hidden />
            <AlertDescription>{form.formState.errors.root.message}</AlertDescription>
          </Alert>
        )}

        {report && !pending && (
          <section aria-labelledby={`${id}-report`} className="grid gap-4 rounded-lg border bg-card p-4">
            <div>
              <h2 id={`${id}-report`} className="text-sm font-semibold">
                {imported ? "Result" : "3. What the import would do"}
              </h2>
              <p className="mt-0.5 text-sm text-muted-foreground">
                {imported
                  ? `${file?.name}: ${rowsOf(report.rows)} read.`
                  : stale
                    ? "The columns changed since this check: check again to see what the import would do now."
                    : `${rowsOf(report.rows)} read from ${file?.name}. Nothing has been saved yet.`}
              </p>
            </div>
            {imported &&
              (report.applied ? (
                <Alert variant="info" role="status">
                  <CheckCircle2Icon aria-hidden />
                  <AlertTitle>Imported</AlertTitle>
                  <AlertDescription>
                    {report.counts.refused > 0
                      ? `The good rows are in; ${rowsOf(report.counts.refused)} refused, listed below.`
                      : `Every row is in. The import is recorded in the audit log.`}
                  </AlertDescription>
                </Alert>
              ) : (
                <Alert variant="destructive" role="alert">
                  <TriangleAlertIcon aria-hidden />
                  <AlertTitle>Nothing was imported</AlertTitle>
                  <AlertDescription>
                    {rowsOf(report.counts.refused)} refused, and the import was all or nothing. Correct the rows listed below and import the file again.
                  </AlertDescription>
                </Alert>
              ))}
            <Counts report={report} done={imported !== null && report.applied} />
            {report.refused.length > 0 && <RefusedRows report={report} fileName={file?.name ?? "import.csv"} />}
            {!imported && check && allOrNothing && report.counts.refused > 0 && !stale && (
              <p className="text-sm text-muted-foreground">All or nothing is on: with these refused rows, the import would import nothing.</p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              {imported ? (
                <>
                  <Button asChild>
                    <Link href={noun.page}>Back to {noun.many}</Link>
                  </Button>
                  <Button
                    type="button"
                    variant="outline"
                    onClick={() => {
                      if (fileInput.current) fileInput.current.value = "";
                      chooseFile(null);
                    }}
                  >
                    Import another file
                  </Button>
                </>
              ) : stale ? (
                <Button type="button" onClick={() => onSubmit(true)} disabled={pending || unmapped.length > 0}>
                  Check again
                </Button>
              ) : (
                <>
                  <Button type="button" onClick={() => onSubmit(false)} disabled={pending || unmapped.length > 0 || report.counts.refused === report.rows}>
                    {report.counts.refused === 0
                      ? `Import ${rowsOf(report.rows)}`
                      : allOrNothing
                        ? "Import, all or nothing"
                        : `Import the ${rowsOf(report.rows - report.counts.refused)} not refused`}
                  </Button>
                  <Button type="button" variant="outline" onClick={() => onSubmit(true)} disabled={pending}>
                    Check again
                  </Button>
                </>
              )}
            </div>
          </section>
        )}
      </form>
    </Form>
  );
}

function PreviewTable({ report, fields, mapping }: { report: ImportReport; fields: readonly ImportField[]; mapping: ImportMapping }) {
  if (report.preview.length === 0) return <p className="text-sm text-muted-foreground">The file has a header row and no rows.</p>;
  return (
    <div className="grid gap-1.5">
      <h3 className="text-sm font-medium">First {rowsOf(report.preview.length)}, as they will be read</h3>
      <div className="overflow-x-auto rounded-md border">
        <Table aria-label="Preview of the first rows">
          <TableHeader>
            <TableRow>
              {fields.map((field) => (
                <TableHead key={field} className="whitespace-nowrap">
                  {IMPORT_FIELD_LABELS[field]}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.preview.map((record, row) => (
              <TableRow key={row}>
                {fields.map((field) => {
                  const index = mapping[field];
                  return (
                    <TableCell key={field} className="max-w-56 truncate" title={index === undefined ? undefined : record[index]}>
                      {index === undefined ? <span className="text-muted-foreground">–</span> : record[index]}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

function Counts({ report, done }: { report: ImportReport; done: boolean }) {
  const items = [
    { label: done ? "Created" : "Would be created", value: report.counts.created },
    { label: done ? "Updated" : "Would be updated", value: report.counts.updated },
    { label: "Unchanged", value: report.counts.unchanged },
    { label: "Refused", value: report.counts.refused, alarm: report.counts.refused > 0 },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className={cn("rounded-md border px-3 py-2", item.alarm && "border-destructive/30 bg-destructive-soft")}>
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd className={cn("text-lg font-semibold tabular-nums", item.alarm && "text-destructive")}>{number.format(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function RefusedRows({ report, fileName }: { report: ImportReport; fileName: string }) {
  const shown = report.refused.slice(0, REFUSED_SHOWN);
  return (
    <div className="grid gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-medium">
          Refused rows
          {report.refused.length > shown.length && (
            <span className="font-normal text-muted-foreground">
              {" "}
              (the first {number.format(shown.length)} of {number.format(report.refused.length)})
            </span>
          )}
        </h3>
        <Button type="button" variant="outline" size="sm" onClick={() => downloadRefused(report, fileName)}>
          <DownloadIcon aria-hidden />
          Download as CSV
        </Button>
      </div>
      <div className="max-h-80 overflow-auto rounded-md border">
        <Table aria-label="Refused rows">
          <TableHeader>
            <TableRow>
              <TableHead className="w-20">Line</TableHead>
              <TableHead>Reason</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.line}>
                <TableCell className="tabular-nums">{row.line}</TableCell>
                <TableCell className="whitespace-normal">{row.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
