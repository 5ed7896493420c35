import { Readable, Transform } from "node:stream";
import { staffRoute, staffRouteError } from "@/lib/actions/safe-action";
import { DomainError } from "@/lib/errors";
import { importPeopleCsv } from "@/lib/people/csv-import";
import { IMPORT_MAX_BYTES, IMPORT_MAX_MB, importOptionsSchema, type ImportStreamLine } from "@/lib/people/import-schema";

const tooLarge = () =>
  new DomainError(`The file is larger than ${IMPORT_MAX_MB} MB; split it and import the parts one after the other.`, "IMPORT_FILE_TOO_LARGE", "file");

/**
 * The file is received whole first (up to the limit), so the browser's upload
 * is over before the work starts and the progress it is sent is the import's own.
 */
async function receive(body: ReadableStream<Uint8Array> | null): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > IMPORT_MAX_BYTES) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(read.value));
  }
  if (size === 0) throw new DomainError("The file is empty: it needs a header row, then one row per person.", "IMPORT_FILE_INVALID", "file");
  return chunks;
}

/**
 * POST /users/import?input={kind, dryRun, allOrNothing, fileName, mapping?} with
 * the CSV as the body: checks (dryRun) or imports the file and answers with
 * newline-delimited JSON, a progress line per 1,000 rows, then the report
 * (or the error that stopped it).
 */
export const POST = staffRoute({ name: "people.import", permission: "people.manage" }, importOptionsSchema, async (request, { parsedInput, ctx }) => {
  if (Number(request.headers.get("content-length")) > IMPORT_MAX_BYTES) throw tooLarge();
  const chunks = await receive(request.body);
  const totalBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  let bytes = 0;
  const counted = Readable.from(chunks).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const { kind, ...options } = parsedInput;
        const report = await importPeopleCsv(kind, counted, { ...options, onProgress: (rows) => send({ type: "progress", rows, bytes, totalBytes }) }, ctx.by);
        send({ type: "done", report });
      } catch (error) {
        const { message, field } = staffRouteError(error, "people.import");
        send({ type: "error", message, ...(field ? { field } : {}) });
      }
      controller.close();
    },
  });
  // no-transform: a compressing proxy (or Next.js's own compression) would hold the progress lines back.
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store, no-transform" } });
});
