import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Serialises, until the transaction ends, every change to who is an active
 * administrator: two administrators demoting each other at once would leave none.
 */
export const lockAdministratorsSql = Prisma.sql`SELECT pg_advisory_xact_lock(hashtext('latchkey.staff.administrators'))`;
