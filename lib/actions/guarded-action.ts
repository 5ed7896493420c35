import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { staffAction, type StaffContext } from "@/lib/actions/safe-action";
import type { AuditContext } from "@/lib/audit";
import type { Permission } from "@/lib/auth/permissions";

type Metadata = { name: string; permission: Permission };

/** A guarded action (staffAction) that does one thing with its parsed input and the signed-in staff member, and answers what that returned. */
export const guardedAction = <Schema extends z.ZodType, Result>(
  metadata: Metadata,
  inputSchema: Schema,
  work: (input: z.output<Schema>, ctx: StaffContext) => Promise<Result>,
) =>
  staffAction
    .metadata(metadata)
    .inputSchema(inputSchema)
    .action(async ({ parsedInput, ctx }) => work(parsedInput as z.output<Schema>, ctx));

/**
 * One that changes what a back-office page shows: after the change it
 * refreshes that page (named by the input where it depends on it).
 */
export const pageChangeAction = <Schema extends z.ZodType, Result>(
  metadata: Metadata,
  inputSchema: Schema,
  page: string | ((input: z.output<Schema>) => string),
  change: (input: z.output<Schema>, ctx: StaffContext) => Promise<Result>,
) =>
  guardedAction(metadata, inputSchema, async (input, ctx) => {
    const result = await change(input, ctx);
    revalidatePath(typeof page === "string" ? page : page(input));
    return result;
  });

/** One that takes one row's id and nothing else (deactivate, enable, delete…) and answers the id. */
export const rowIdAction = (
  metadata: Metadata,
  idSchema: z.ZodType<{ id: string }>,
  change: (id: string, by: AuditContext) => Promise<void>,
  listPath: string,
) =>
  pageChangeAction(metadata, idSchema, listPath, async ({ id }, { by }) => {
    await change(id, by);
    return { id };
  });
