import { z } from "zod";

// What a CSV import of contacts or customers is asked to do: read by the
// import page's form and by the import route, with its bounds stated once.

export const IMPORT_KINDS = ["contact", "customer"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields a column can be mapped to, per kind, in the order the page shows them. */
export const IMPORT_FIELDS = {
  contact: ["id", "companyId", "firstName", "lastName", "email", "assistanceAllowed"],
  customer: ["id", "firstName", "lastName", "email", "assistanceAllowed"],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  id: "Id",
  companyId: "Company id",
  firstName: "First name",
  lastName: "Last name",
  email: "Email",
  assistanceAllowed: "Assistance allowed",
};

/** Left unmapped, a new person gets ASSISTANCE_DEFAULT and an existing one keeps theirs; every other field needs its column. */
export const OPTIONAL_IMPORT_FIELDS: readonly ImportField[] = ["assistanceAllowed"];

/** The largest file an import reads: about 800,000 rows of a typical export. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;
/** Columns a file may have; a mapping names one of them by its index. */
export const IMPORT_MAX_COLUMNS = 200;
export const FILE_NAME_MAX_LENGTH = 255;

export type ImportMapping = Partial<Record<ImportField, number>>;

const columnIndex = z
  .number()
  .int()
  .min(0)
  .max(IMPORT_MAX_COLUMNS - 1);

export const importOptionsSchema = z
  .strictObject({
    kind: z.enum(IMPORT_KINDS),
    /** Count what the import would do and roll back. */
    dryRun: z.boolean(),
    /** Import nothing when any row is refused. */
    allOrNothing: z.boolean(),
    fileName: z
      .string()
      .trim()
      .min(1, "The file needs a name.")
      .max(FILE_NAME_MAX_LENGTH, `The file's name can be at most ${FILE_NAME_MAX_LENGTH} characters.`),
    /** Left out: the header's obvious names (the first check of a file). */
    // A field the form left unmapped arrives as undefined.
    mapping: z.partialRecord(z.enum([...IMPORT_FIELDS.contact]), columnIndex.optional()).optional(),
  })
  .superRefine((options, context) => {
    if (!options.mapping) return;
    const fields: readonly ImportField[] = IMPORT_FIELDS[options.kind];
    for (const field of Object.keys(options.mapping) as ImportField[]) {
      if (!fields.includes(field))
        context.addIssue({ code: "custom", path: ["mapping", field], message: `A ${options.kind} has no ${IMPORT_FIELD_LABELS[field]}.` });
    }
    for (const field of fields) {
      if (options.mapping[field] === undefined && !OPTIONAL_IMPORT_FIELDS.includes(field)) {
        context.addIssue({
          code: "custom",
          path: ["mapping", field],
          message: `Choose the column that holds the ${IMPORT_FIELD_LABELS[field].toLowerCase()}.`,
        });
      }
    }
  });
export type ImportOptions = z.output<typeof importOptionsSchema>;

/** The fields of `kind` the mapping leaves without a column although they need one. */
export function unmappedFields(kind: ImportKind, mapping: ImportMapping): ImportField[] {
  return IMPORT_FIELDS[kind].filter((field) => mapping[field] === undefined && !OPTIONAL_IMPORT_FIELDS.includes(field));
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface RefusedRow {
  /** The file's line where the row starts (the header is line 1). */
  line: number;
  reason: string;
}

/** What a check or an import of a file found, as the page shows it. */
export interface ImportReport {
  headers: string[];
  mapping: ImportMapping;
  /** The first rows as read, for the preview. */
  preview: string[][];
  rows: number;
  counts: ImportCounts;
  refused: RefusedRow[];
  /** False for a check, and for "all or nothing" with a refused row. */
  applied: boolean;
}

/** One line of the import route's answer, which streams as newline-delimited JSON. */
export type ImportStreamLine =
  | { type: "progress"; rows: number; bytes: number; totalBytes: number }
  | { type: "done"; report: ImportReport }
  | { type: "error"; message: string; field?: string };
