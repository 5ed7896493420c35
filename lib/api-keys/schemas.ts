import { z } from "zod";
import { plainText } from "@/lib/plain-text";

export const API_KEY_NAME_MAX_LENGTH = 100;

/** The create dialog and its action share this schema. */
export const createApiKeySchema = z.object({
  name: plainText("The name")
    .trim()
    .min(1, "Give the key a name, such as the system that will use it.")
    .max(API_KEY_NAME_MAX_LENGTH, `The name can be at most ${API_KEY_NAME_MAX_LENGTH} characters.`),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid() });
export type RevokeApiKeyInput = z.input<typeof revokeApiKeySchema>;
