import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// One connection pool per process, shared by Prisma (through its adapter) and
// by the few hot statements that run as named prepared statements on pg
// directly (redemption). Created on first use so that `next build` needs no database.
const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pool(): pg.Pool {
  globalForPool.pgPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  return globalForPool.pgPool;
}

/** For scripts that run the app's services in-process: closes the shared pool before their database stops. */
export async function closePool(): Promise<void> {
  const open = globalForPool.pgPool;
  globalForPool.pgPool = undefined;
  await open?.end();
}
