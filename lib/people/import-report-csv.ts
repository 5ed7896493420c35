import { stringify } from "csv-stringify/sync";
import type { RefusedRow } from "@/lib/people/import-schema";

/** Refused rows as a CSV a spreadsheet opens: line, reason. The import page offers it as a download. */
export function refusedRowsCsv(refused: RefusedRow[]): string {
  return stringify(refused, { header: true, columns: ["line", "reason"], record_delimiter: "windows", quoted_string: true });
}
