import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// One connection pool per process, shared by Prisma (through its adapter) and
// by the statements that run on node-pg directly. Created on first use so that
// `next build` needs no database.
//
// Which way a query goes:
// - Prisma's query API, by default: every read and write it can express.
// - node-pg, `pool().query({ ...STATEMENT, values })`, with a named statement
//   from lib/sql/: what runs on (nearly) every request outside a transaction,
//   where one round trip and a plan prepared once per connection matter
//   (redemption, the API key check, the throttles, the shop session), the
//   server's background sweep, and the people sync, whose batches run in one
//   transaction on one client.
// - node-pg, `pool().query(statementSql(…))`, with `{ text, values }` from a
//   builder in lib/sql/: the people read model (lib/people/queries.ts), whose
//   lists Prisma cannot express (a row-value cursor, a MATERIALIZED search,
//   prefix LIKEs on expression indexes, a count under a cap) and whose single
//   person and company reads share the lists' columns. Unnamed, as their SQL
//   follows the search and filters and each combination is planned for itself.
// - `$queryRaw` / `$executeRaw` with a Prisma.sql from lib/sql/: a statement
//   Prisma cannot express (a data-modifying CTE, RETURNING the row before the
//   change, FOR UPDATE, a write that must leave updated_at) that runs inside a
//   Prisma transaction or beside Prisma writes.
// The application's SQL is written in lib/sql/ only, one statement per file,
// with the pieces several share in lib/sql/fragments.ts. Tests, the benchmark
// and the data scripts write the SQL that sets up their own rows themselves.
const globalForPool = globalThis as unknown as { pgPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForPool.pgPool) {
    const created = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
    // An idle connection the server ends (a restart, a failover, an idle timeout) is dropped by the pool and
    // opened anew on demand; unheard, its error would end the process.
    created.on("error", (error) => logger.warn({ err: { message: error.message } }, "an idle database connection was closed by the server"));
    globalForPool.pgPool = created;
  }
  return globalForPool.pgPool;
}

/** For scripts that run the app's services in-process: closes the shared pool before their database stops. */
export async function closePool(): Promise<void> {
  const open = globalForPool.pgPool;
  globalForPool.pgPool = undefined;
  await open?.end();
}
