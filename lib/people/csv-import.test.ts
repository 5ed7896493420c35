import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import type { AuditContext } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { autoMapping, importPeopleCsv, sniffDelimiter } from "@/lib/people/csv-import";
import { refusedRowsCsv } from "@/lib/people/import-report-csv";
import { testDb } from "@/test/db";
import { createStaff, personId, personIdBlock, unique } from "@/test/factories";

const fixture = (name: string) => createReadStream(path.join(import.meta.dirname, "csv-fixtures", name));

async function staffContext(): Promise<AuditContext> {
  const staff = await createStaff("editor");
  return { actor: { type: "STAFF", id: staff.id, name: staff.name }, meta: { ip: "192.0.2.20", userAgent: "csv-tests" } };
}

const importOf = (fileName: string, extra: { dryRun?: boolean; allOrNothing?: boolean } = {}) => ({ dryRun: false, allOrNothing: false, fileName, ...extra });

describe("reading the file", () => {
  it("matches the obvious header names and tells semicolons from commas", () => {
    expect(autoMapping("customer", ["ID", "First name", "Last name", "E-mail", "Assistance"])).toEqual({
      id: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      assistanceAllowed: 4,
    });
    expect(autoMapping("contact", ["Contact ID", "Company", "First", "Surname", "Email address"])).toEqual({
      id: 0,
      companyId: 1,
      firstName: 2,
      lastName: 3,
      email: 4,
    });
    expect(sniffDelimiter("id;name;email")).toBe(";");
    expect(sniffDelimiter('id,"a;b;c",email')).toBe(",");
  });
});

describe("importing customers and contacts from CSV files", () => {
  it("reads a semicolon file with a byte-order mark and a quoted semicolon, with yes/no assistance", async () => {
    await testDb.customer.deleteMany({ where: { id: { in: [910001, 910002, 910003] } } });
    const by = await staffContext();
    const report = await importPeopleCsv("customer", fixture("customers-bom-semicolon.csv"), importOf("customers-bom-semicolon.csv"), by);
    expect(report.headers).toEqual(["ID", "First name", "Last name", "E-mail", "Assistance"]);
    expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 0 });
    expect(await testDb.customer.findUniqueOrThrow({ where: { id: 910002 } })).toMatchObject({ lastName: "de Vries; jr.", assistanceAllowed: false });
    expect(await testDb.customer.findUniqueOrThrow({ where: { id: 910001 } })).toMatchObject({ assistanceAllowed: true });
    const events = await testDb.auditEvent.findMany({ where: { action: "people.imported", actorStaffId: by.actor.type === "STAFF" ? by.actor.id : "" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ kind: "customer", file: "customers-bom-semicolon.csv", rows: 3, created: 3 });

    const again = await importPeopleCsv("customer", fixture("customers-bom-semicolon.csv"), importOf("again.csv"), by);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
    expect(await testDb.auditEvent.count({ where: { action: "people.imported", details: { path: ["file"], equals: "again.csv" } } })).toBe(0);
  });

  it("keeps a quoted newline in a field, and reports a bad row by its line while importing the good ones", async () => {
    await testDb.customer.deleteMany({ where: { id: { in: [920001, 920002, 920003] } } });
    const by = await staffContext();
    const report = await importPeopleCsv("customer", fixture("customers-quoted-newline-bad-row.csv"), importOf("bad-row.csv"), by);
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 1 });
    expect(report.refused).toEqual([{ line: 4, reason: "email: email must be an email address." }]);
    expect(report.preview[0]).toEqual(["920001", "Dirk", "Dekker", "dirk@csv.test", "Deliveries at the back door;\nring twice"]);
    expect(await testDb.customer.findUniqueOrThrow({ where: { id: 920001 } })).toMatchObject({ lastName: "Dekker" });
    expect(refusedRowsCsv(report.refused)).toBe('"line","reason"\r\n4,"email: email must be an email address."\r\n');
  });

  it("all or nothing: a refused row imports none; a preview counts without writing", async () => {
    await testDb.customer.deleteMany({ where: { id: { in: [920001, 920002, 920003] } } });
    const by = await staffContext();
    const none = await importPeopleCsv("customer", fixture("customers-quoted-newline-bad-row.csv"), importOf("strict.csv", { allOrNothing: true }), by);
    expect(none).toMatchObject({ applied: false, counts: { created: 2, refused: 1 } });
    const preview = await importPeopleCsv("customer", fixture("customers-bom-semicolon.csv"), importOf("preview.csv", { dryRun: true }), by);
    expect(preview.applied).toBe(false);
    expect(preview.preview[0]).toEqual(["910001", "Anna", "Bakker", "anna.bakker@csv.test", "yes"]);
    expect(await testDb.customer.count({ where: { id: { in: [920001, 920003] } } })).toBe(0);
    const fileIs = (file: string) => ({ details: { path: ["file"], equals: file } });
    expect(await testDb.auditEvent.count({ where: { action: "people.imported", OR: [fileIs("strict.csv"), fileIs("preview.csv")] } })).toBe(0);
  });

  it("refuses a contact of an unknown company and names the field", async () => {
    await testDb.contact.deleteMany({ where: { id: { in: [930001, 930002] } } });
    await testDb.company.upsert({ where: { id: 930900 }, create: { id: 930900, name: unique("CSV Co") }, update: {} });
    await testDb.company.deleteMany({ where: { id: 939999 } });
    const by = await staffContext();
    const report = await importPeopleCsv("contact", fixture("contacts-unknown-company.csv"), importOf("contacts.csv"), by);
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, refused: 1 });
    expect(report.refused).toEqual([{ line: 3, reason: expect.stringMatching(/^companyId: No company has this companyId/) }]);
  });

  it("imports 100,000 generated rows, and a bad row far down the file refuses only itself", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "latchkey-csv-"));
    const file = path.join(dir, "big.csv");
    const out = createWriteStream(file);
    const base = personIdBlock(100_000);
    const tag = unique("big");
    out.write("id,first name,last name,email\n");
    for (let n = 0; n < 100_000; n += 1) {
      out.write(n === 79_998 ? `${base + n},Bad,Row,\n` : `${base + n},First${n},${tag},${tag}.${n}@bulk.test\n`);
    }
    out.end();
    await finished(out);

    const by = await staffContext();
    const progress: number[] = [];
    const report = await importPeopleCsv("customer", createReadStream(file), { ...importOf("big.csv"), onProgress: (rows) => progress.push(rows) }, by);
    expect(report.counts).toEqual({ created: 99_999, updated: 0, unchanged: 0, refused: 1 });
    expect(report.refused).toEqual([{ line: 80_000, reason: expect.stringContaining("email") }]);
    expect(progress.at(-1)).toBe(100_000);
    expect(await testDb.customer.count({ where: { lastName: tag } })).toBe(99_999);
  }, 120_000);

  it("refuses a file that is empty, not CSV, or mapped to a column it lacks, at the field concerned and changing nothing", async () => {
    const by = await staffContext();
    const text = (csv: string) => Readable.from([Buffer.from(csv)]);
    const refusal = (csv: string, mapping?: Record<string, number>) =>
      importPeopleCsv("customer", text(csv), { ...importOf("bad.csv"), mapping }, by).then(
        () => null,
        (error: unknown) => (error instanceof DomainError ? { message: error.message, field: error.field } : error),
      );
    expect(await refusal("")).toEqual({ message: expect.stringMatching(/^The file is empty/), field: "file" });
    const id = personId();
    expect(await refusal(`id,first name,last name,email\n${id},"Open,quote,x@y.test\n`)).toEqual({
      message: expect.stringMatching(/^The file is not valid CSV at line \d+/),
      field: "file",
    });
    expect(await refusal(`id,first name,last name,email\n${id},A,B,a@b.test\n`, { id: 0, firstName: 1, lastName: 2, email: 7 })).toEqual({
      message: "Email is mapped to column 8, but the file has 4.",
      field: "mapping.email",
    });
    expect(await testDb.customer.count({ where: { id } })).toBe(0);
  });
});
