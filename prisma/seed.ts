// `tsx prisma/seed.ts` (npm run db:seed; `npm start` runs it on the embedded
// database): the thin command around seedDemoData. It builds its own client
// because lib/db.ts is server-only and reads the whole app configuration.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { tokenKeysFromVariables } from "@/lib/login-tokens/token-crypto";
import { seedDemoData } from "./seed-demo";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required to seed the demo data (see .env.example).`);
  return value;
}

async function main() {
  const keys = tokenKeysFromVariables(process.env);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: required("DATABASE_URL") }) });
  const started = performance.now();
  try {
    const made = await seedDemoData(db, keys);
    const ms = Math.round(performance.now() - started);
    const total = Object.values(made).reduce((sum, count) => sum + count, 0);
    console.log(
      total === 0
        ? `[latchkey] demo data already present, nothing added (${ms} ms)`
        : `[latchkey] demo data: ${made.companies} companies, ${made.contacts} contacts, ${made.customers} customers, ${made.staff} staff, ${made.punchoutBuyers} punch-out buyers, ${made.tokens} login tokens, ${made.auditEvents} audit events added (${ms} ms)`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`[latchkey] seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
