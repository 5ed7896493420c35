import "server-only";
import { CsvError, parse } from "csv-parse";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AuditContext } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, IMPORT_MAX_COLUMNS, type ImportField, type ImportMapping, type ImportReport } from "@/lib/people/import-schema";
import type { PeopleKind } from "@/lib/people/queries";
import { BATCH_MAX_ITEMS, PERSON_INPUT_SCHEMAS, personIdSchema, type PersonUpsert } from "@/lib/people/schemas";
import { inPeopleTransaction } from "@/lib/people/upsert";

/** Header names matched to a field without asking, compared without case, spaces or punctuation. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  id: ["id", "contactid", "customerid", "webshopid", "externalid"],
  companyId: ["companyid", "company", "accountid"],
  firstName: ["firstname", "first", "givenname", "forename"],
  lastName: ["lastname", "last", "surname", "familyname"],
  email: ["email", "emailaddress", "mail", "e-mail"],
  assistanceAllowed: ["assistanceallowed", "assistance", "allowassistance", "remoteassistance"],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Each field's column index in `headers`, for the fields whose name is obvious. */
export function autoMapping(kind: PeopleKind, headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const names = headers.map(normalise);
  for (const field of IMPORT_FIELDS[kind]) {
    const index = names.findIndex((name) => HEADER_NAMES[field].map(normalise).includes(name));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** The delimiter of the header line: semicolon when it has more of them than commas (outside quotes). */
export function sniffDelimiter(firstLine: string): "," | ";" {
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  return (unquoted.match(/;/g)?.length ?? 0) > (unquoted.match(/,/g)?.length ?? 0) ? ";" : ",";
}

const TRUE = new Set(["true", "yes", "y", "1", "allowed", "ja"]);
const FALSE = new Set(["false", "no", "n", "0", "denied", "nee"]);

export interface ImportOptions {
  /** Column index per field; the header's obvious names when left out. */
  mapping?: ImportMapping;
  dryRun: boolean;
  allOrNothing: boolean;
  fileName: string;
  onProgress?: (rows: number) => void;
}

const PREVIEW_ROWS = 5;

/** One data row as an upsert, or why not. */
function rowToUpsert(kind: PeopleKind, record: string[], mapping: ImportMapping): PersonUpsert | string {
  const value = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? undefined : (record[index] ?? "").trim();
  };
  const id = personIdSchema.safeParse(Number(value("id") || Number.NaN));
  if (!id.success) return `id: ${value("id") ? `"${value("id")}" is not a whole number from 1 to 2147483647` : "missing"}.`;
  const assistance = value("assistanceAllowed")?.toLowerCase();
  if (assistance && !TRUE.has(assistance) && !FALSE.has(assistance)) return `assistanceAllowed: "${assistance}" is not yes or no.`;
  const input: Record<string, unknown> = {
    firstName: value("firstName") ?? "",
    lastName: value("lastName") ?? "",
    email: value("email") ?? "",
    ...(assistance ? { assistanceAllowed: TRUE.has(assistance) } : {}),
  };
  if (kind === "contact") input.companyId = Number(value("companyId") || Number.NaN);
  const parsed = PERSON_INPUT_SCHEMAS[kind].safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`).join(" ");
  return { kind, id: id.data, input: parsed.data } as PersonUpsert;
}

/** A quoted field may span lines, but no sane row of these fields comes near this. */
const MAX_RECORD_BYTES = 64 * 1024;

/** Why the file itself (not one row) cannot be imported, said at the field it concerns. */
function checkHeaders(headers: string[], mapping: ImportMapping) {
  if (headers.length > IMPORT_MAX_COLUMNS) {
    throw new DomainError(`The file has ${headers.length} columns; at most ${IMPORT_MAX_COLUMNS} can be read.`, "IMPORT_FILE_INVALID", "file");
  }
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    if (index >= headers.length) {
      throw new DomainError(
        `${IMPORT_FIELD_LABELS[field]} is mapped to column ${index + 1}, but the file has ${headers.length}.`,
        "VALIDATION_FAILED",
        `mapping.${field}`,
      );
    }
  }
}

/**
 * Reads a UTF-8 CSV (comma or semicolon, header row, optional BOM) as a
 * stream and upserts its rows through the batch statements, 1,000 at a time,
 * in one transaction: a preview rolls back (its counts are exactly what the
 * import would do), "all or nothing" rolls back when any row is refused, and
 * an import that keeps its rows writes one audit event. A file that is not
 * CSV, or is empty, is refused whole with a DomainError that names the line.
 */
export async function importPeopleCsv(kind: PeopleKind, input: Readable, options: ImportOptions, by: AuditContext): Promise<ImportReport> {
  const { firstLine, stream } = await withFirstLine(input);
  const parser = parse({
    bom: true,
    delimiter: sniffDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  // A failed read destroys the parser with its error, which the loop below then throws.
  pipeline(stream, parser).catch(() => undefined);

  return inPeopleTransaction(by, async (apply) => {
    const report: ImportReport = {
      headers: [],
      mapping: {},
      preview: [],
      rows: 0,
      counts: { created: 0, updated: 0, unchanged: 0, refused: 0 },
      refused: [],
      applied: false,
    };
    let batch: { line: number; item: PersonUpsert }[] = [];
    // Where a row starts: the parser counts the line it ends on, and a quoted field may span lines.
    const startLine = (record: string[], endLine: number) => endLine - record.reduce((lines, field) => lines + (field.match(/[\r\n]/g)?.length ?? 0), 0);
    const flush = async () => {
      const outcomes = await apply(batch.map((entry) => entry.item));
      outcomes.forEach((outcome, index) => {
        if (outcome.result === "refused") {
          report.counts.refused += 1;
          report.refused.push({ line: batch[index]!.line, reason: `${outcome.path}: ${outcome.message}` });
        } else {
          report.counts[outcome.result] += 1;
        }
      });
      batch = [];
      options.onProgress?.(report.rows);
    };

    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (report.headers.length === 0) {
          report.headers = record.map((header) => header.trim());
          report.mapping = options.mapping ?? autoMapping(kind, report.headers);
          checkHeaders(report.headers, report.mapping);
          continue;
        }
        report.rows += 1;
        if (report.preview.length < PREVIEW_ROWS) report.preview.push(record);
        const upsert = rowToUpsert(kind, record, report.mapping);
        if (typeof upsert === "string") {
          report.counts.refused += 1;
          report.refused.push({ line: startLine(record, info.lines), reason: upsert });
          continue;
        }
        batch.push({ line: startLine(record, info.lines), item: upsert });
        if (batch.length === BATCH_MAX_ITEMS) await flush();
      }
    } catch (error) {
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines;
        throw new DomainError(`The file is not valid CSV${line ? ` at line ${line}` : ""}: ${error.message}`, "IMPORT_FILE_INVALID", "file");
      }
      throw error;
    }
    if (report.headers.length === 0) throw new DomainError("The file is empty: it needs a header row, then one row per person.", "IMPORT_FILE_INVALID", "file");
    if (batch.length > 0) await flush();

    report.refused.sort((a, b) => a.line - b.line);
    const keep = !options.dryRun && !(options.allOrNothing && report.counts.refused > 0);
    report.applied = keep;
    const changed = report.counts.created + report.counts.updated > 0;
    return {
      keep,
      event: changed
        ? {
            action: "people.imported" as const,
            details: { kind, file: options.fileName, rows: report.rows, ...report.counts, allOrNothing: options.allOrNothing },
          }
        : null,
      result: report,
    };
  });
}

/**
 * The stream with its first line read off for sniffing the delimiter: the
 * first chunk is taken from the iterator and handed on first, untouched.
 */
async function withFirstLine(input: Readable): Promise<{ firstLine: string; stream: Readable }> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await chunks.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  async function* all() {
    if (head.length > 0) yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield Buffer.from(next.value);
  }
  const firstLine =
    head
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0] ?? "";
  return { firstLine, stream: Readable.from(all(), { objectMode: false }) };
}
