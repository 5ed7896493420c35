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
import type { ActionFailure } from "@/lib/actions/action-form-errors";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";

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

/** Who a guarded request acts for: the staff member as read fresh, and the audit context their changes are recorded with. */
export interface StaffContext {
  staff: SignedInStaff;
  by: AuditContext;
}

export interface StaffRouteArgs<Input> {
  parsedInput: Input;
  ctx: StaffContext;
}

const STATUS_OF_CODE: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, SERVICE_UNAVAILABLE: 503, INTERNAL: 500 };

const answer = (status: number, body: ActionFailure) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The same guard for the few staff requests a server action cannot carry (a
 * CSV file of up to 50 MB, answered with a stream of its progress): a POST
 * from this app's own pages → session → staff and roles read fresh → permission
 * from the table → zod parse of the options (JSON in the `input` query
 * parameter; the body is the work's) → the work, which audits with `ctx.by`.
 * A refusal is answered with what a refused action returns, as JSON.
 */
export function staffRoute<Schema extends z.ZodType>(
  metadata: { name: string; permission: Permission },
  inputSchema: Schema,
  work: (request: Request, args: StaffRouteArgs<z.output<Schema>>) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
      const staff = await currentStaff();
      const reason = refusalReason(staff, metadata.permission);
      if (reason) {
        logger.warn({ action: metadata.name, staffId: staff?.id ?? null }, "staff route refused");
        return answer(staff ? 403 : 401, { serverError: { message: reason, code: staff ? "FORBIDDEN" : "UNAUTHENTICATED" } });
      }
      let input: unknown;
      try {
        input = JSON.parse(new URL(request.url).searchParams.get("input") ?? "");
      } catch {
        return answer(400, { validationErrors: { formErrors: ["The request's input is not JSON."], fieldErrors: {} } });
      }
      const parsed = inputSchema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        const formErrors: string[] = [];
        for (const issue of parsed.error.issues) {
          if (issue.path.length === 0) formErrors.push(issue.message);
          else (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
        }
        return answer(422, { validationErrors: { formErrors, fieldErrors } });
      }
      const signedIn = staff as SignedInStaff;
      const by: AuditContext = { actor: { type: "STAFF", id: signedIn.id, name: signedIn.name }, meta: await currentRequestMeta() };
      return await work(request, { parsedInput: parsed.data, ctx: { staff: signedIn, by } });
    } catch (error) {
      const serverError = staffRouteError(error, metadata.name);
      return answer(error instanceof DomainError ? 422 : (STATUS_OF_CODE[serverError.code] ?? 500), { serverError });
    }
  };
}

/** What a staff route says of an error, the way an action's `serverError` would; for errors after its stream began too. */
export function staffRouteError(error: unknown, name: string): ActionServerError {
  return handleServerError(error instanceof Error ? error : new Error(String(error)), { metadata: { name } });
}
