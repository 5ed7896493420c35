import { createServer } from "node:net";
import pg from "pg";

/** A local port nothing listens on: connecting is refused, as by a PostgreSQL that has stopped. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Runs `work` with the app's database unreachable: the process's one pool
 * (lib/pg.ts) and Prisma client (lib/db.ts) are rebuilt on a closed port for
 * its duration, so every query really fails to connect; then the real ones return.
 */
export async function withDatabaseUnreachable<T>(work: () => Promise<T>): Promise<T> {
  const shared = globalThis as { pgPool?: pg.Pool; prisma?: unknown };
  const saved = { pgPool: shared.pgPool, prisma: shared.prisma };
  const unreachable = new pg.Pool({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/latchkey` });
  shared.pgPool = unreachable;
  shared.prisma = undefined;
  try {
    return await work();
  } finally {
    shared.pgPool = saved.pgPool;
    shared.prisma = saved.prisma;
    await unreachable.end();
  }
}
