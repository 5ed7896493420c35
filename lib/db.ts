import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { asDatabaseUnavailable } from "@/lib/database-unavailable";
import { pool } from "@/lib/pg";
import { readableDatesIn } from "@/lib/readable-date";

// One client per process, created on first use so that importing this module
// (as `next build` does) needs no database. In development the module is
// re-evaluated on every change, so the client is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) }).$extends({
    // Every reader gets dates it can show: a stored date JavaScript cannot represent reads clamped, not as Invalid Date.
    // An outage is thrown as one error type, which pages, actions and the API answer with 503.
    query: {
      $allOperations: async ({ args, query }) => {
        try {
          return readableDatesIn(await query(args));
        } catch (error) {
          throw asDatabaseUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  return globalForPrisma.prisma;
}

export const db = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(client(), property),
});
