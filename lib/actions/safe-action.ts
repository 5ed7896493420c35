import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit";
import { PERMISSIONS, refusalReason, type Permission } from "@/lib/auth/permissions";
import { currentStaff, type SignedInStaff } from "@/lib/auth/session";
import { isDatabaseUnavailable, markDatabaseUnavailable } from "@/lib/database-unavailable";
import { DomainError, type ActionServerError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { currentRequestMeta } from "@/lib/current-request-meta";

class ActionRefused extends Error {
  constructor(
    message: string,
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN",
  ) {
    super(message);
  }
}

const permissionNames = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];

/**
 * The one guard for server actions: session → staff and roles read fresh from
 * the database → permission from the table → zod parse of the input (by
 * `.inputSchema`) → the work, which writes its audit event with `ctx.by`.
 * Refusals and domain errors come back as `serverError`; anything else is
 * logged and answered with a generic message.
 */
function handleServerError(error: Error, { metadata }: { metadata?: { name: string } }): ActionServerError {
  if (error instanceof ActionRefused) return { message: error.message, code: error.code };
  if (error instanceof DomainError) return { message: error.message, code: error.code, field: error.field };
  if (isDatabaseUnavailable(error)) {
    // the server (server/request-state.ts) then sends the answer as 503 with Retry-After.
    markDatabaseUnavailable();
    logger.warn({ action: metadata?.name }, "server action: the database is unavailable");
    return { message: "Latchkey cannot reach its database. Nothing was changed; try again in a moment.", code: "SERVICE_UNAVAILABLE" };
  }
  logger.error({ err: { name: error.name, message: error.message, stack: error.stack }, action: metadata?.name }, "server action failed");
  return { message: "Something went wrong. Nothing was changed; please try again.", code: "INTERNAL" };
}

const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string(), permission: z.enum(permissionNames) }),
  defaultValidationErrorsShape: "flattened",
  handleServerError,
});

/**
 * For the few actions a signed-out visitor may call (choosing a password with
 * a set-password link): no session, so the secret in the input is the
 * authority, checked by the service; zod parses the input as everywhere.
 */
export const linkAction = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  defaultValidationErrorsShape: "flattened",
  handleServerError,
});

export const staffAction = actionClient.use(async ({ next, metadata }) => {
  const staff = await currentStaff();
  const reason = refusalReason(staff, metadata.permission);
  if (reason) {
    logger.warn({ action: metadata.name, staffId: staff?.id ?? null }, "server action refused");
    throw new ActionRefused(reason, staff ? "FORBIDDEN" : "UNAUTHENTICATED");
  }
  const signedIn = staff as SignedInStaff;
  const by: AuditContext = {
    actor: { type: "STAFF", id: signedIn.id, name: signedIn.name },
    meta: await currentRequestMeta(),
  };
  return next({ ctx: { staff: signedIn, by } });
});
