import { Prisma } from "@/lib/generated/prisma/client";

/** The least a database can answer: that it is there. */
export const pingDatabaseSql = Prisma.sql`SELECT 1`;
