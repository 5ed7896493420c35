import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { pingDatabaseSql } from "@/lib/sql/ping-database";

export type HealthReport = { status: "ok"; database: "up" } | { status: "error"; database: "down" };

/** A load balancer gives up on a probe after a few seconds; answering "down" first lets it act on a clear answer. */
export const DATABASE_TIMEOUT_MS = 2_000;

/** The client is a parameter so that a test can point it at a database that is down. */
export async function checkHealth(db: Pick<PrismaClient, "$queryRaw">, timeoutMs = DATABASE_TIMEOUT_MS): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  // The query's own failure is caught here, so a late rejection after the timeout is never unhandled.
  const answered = db.$queryRaw(pingDatabaseSql).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  try {
    const failure = await Promise.race([answered, timedOut]);
    if (!failure) return { status: "ok", database: "up" };
    logger.warn({ reason: failure.message }, "health check: the database is down");
    return { status: "error", database: "down" };
  } finally {
    clearTimeout(timer);
  }
}

/** The HTTP answer: 200 or 503, never cached, so a probe always sees the present. */
export async function healthResponse(db: Pick<PrismaClient, "$queryRaw">, timeoutMs = DATABASE_TIMEOUT_MS): Promise<Response> {
  const report = await checkHealth(db, timeoutMs);
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
