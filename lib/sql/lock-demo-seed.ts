import { Prisma } from "@/lib/generated/prisma/client";

/** The demo seed's advisory lock: a key no other lock of the application takes. */
const DEMO_SEED_LOCK = 7_270_736_901;

/** Serialises, until the transaction ends, two demo seeds started at once (two launchers on one database). */
export const lockDemoSeedSql = Prisma.sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK}::bigint)`;
