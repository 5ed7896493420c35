/**
 * Telling an unreachable database from every other failure, so that an outage
 * is answered 503 with Retry-After everywhere (the API's SERVICE_UNAVAILABLE,
 * the actions' message, the pages' "cannot reach its database") instead of a
 * 500 that says something broke.
 */

import { DATABASE_RETRY_AFTER_SECONDS, REQUEST_STATE_KEY } from "@/server/outage";

export { DATABASE_RETRY_AFTER_SECONDS };

/**
 * The digest a page's error boundary sees for an outage. Next.js keeps a
 * digest the thrown error already has, and hides the message in production.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "LATCHKEY_DATABASE_UNAVAILABLE";

// Connection refused or lost (node), the server shutting down, refusing or out
// of connections (PostgreSQL's SQLSTATE classes 08 and 57P, and 53300), and
// Prisma's "cannot reach", "timed out" and "connection closed" codes.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
const MESSAGES =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|Server has closed the connection|Client has encountered a connection error|the database system is (?:starting up|shutting down)/i;

interface RequestState {
  databaseUnavailable?: boolean;
}

/**
 * Marks the request being answered as having met an outage, so that
 * the server sends its answer as 503 (server/request-state.ts);
 * does nothing outside that server.
 */
export function markDatabaseUnavailable(): void {
  const storage = (globalThis as { [REQUEST_STATE_KEY]?: { getStore(): RequestState | undefined } })[REQUEST_STATE_KEY];
  const state = storage?.getStore();
  if (state) state.databaseUnavailable = true;
}

export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(cause: unknown) {
    super("Latchkey cannot reach its database.", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Whether `error`, or anything in its chain of causes, says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === "object" && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === "string" && (CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    // node reports a refused connection to a name with several addresses as an AggregateError.
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** `error` as a DatabaseUnavailableError when it is an outage (so a page's boundary can tell), else unchanged. */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  markDatabaseUnavailable();
  return error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error);
}
