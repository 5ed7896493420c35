import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The application's own client on the test database (lib/db.ts reads DATABASE_URL, set by test/setup-env.ts). */
export { db as testDb } from "@/lib/db";

/** A separate client for tests that need a second connection pool. */
export function newTestClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
}
