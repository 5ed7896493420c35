import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { staffAction } from "@/lib/actions/safe-action";
import type { AuditContext } from "@/lib/audit";
import type { Permission } from "@/lib/auth/permissions";

/**
 * A guarded action that takes one row's id and nothing else (deactivate,
 * enable, delete…): it changes the row, refreshes the page that lists it and
 * answers the id.
 */
export const rowIdAction = (
  metadata: { name: string; permission: Permission },
  idSchema: z.ZodType<{ id: string }>,
  change: (id: string, by: AuditContext) => Promise<void>,
  listPath: string,
) =>
  staffAction
    .metadata(metadata)
    .inputSchema(idSchema)
    .action(async ({ parsedInput, ctx }) => {
      await change(parsedInput.id, ctx.by);
      revalidatePath(listPath);
      return { id: parsedInput.id };
    });
