"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";

const API_KEYS_PATH = "/settings/api-keys";

export const createApiKeyAction = staffAction
  .metadata({ name: "apiKeys.create", permission: "apiKeys.manage" })
  .inputSchema(createApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const issued = await createApiKey(parsedInput.name, ctx.by);
    revalidatePath(API_KEYS_PATH);
    return { id: issued.id, name: issued.name, prefix: issued.prefix, key: issued.key };
  });

export const revokeApiKeyAction = staffAction
  .metadata({ name: "apiKeys.revoke", permission: "apiKeys.manage" })
  .inputSchema(revokeApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const revoked = await revokeApiKey(parsedInput.id, ctx.by);
    revalidatePath(API_KEYS_PATH);
    return revoked;
  });
