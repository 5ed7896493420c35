"use server";

import { pageChangeAction } from "@/lib/actions/guarded-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";

const API_KEYS_PATH = "/settings/api-keys";
const MANAGE = "apiKeys.manage";

export const createApiKeyAction = pageChangeAction(
  { name: "apiKeys.create", permission: MANAGE },
  createApiKeySchema,
  API_KEYS_PATH,
  async ({ name }, { by }) => {
    const issued = await createApiKey(name, by);
    return { id: issued.id, name: issued.name, prefix: issued.prefix, key: issued.key };
  },
);

export const revokeApiKeyAction = pageChangeAction({ name: "apiKeys.revoke", permission: MANAGE }, revokeApiKeySchema, API_KEYS_PATH, ({ id }, { by }) =>
  revokeApiKey(id, by),
);
