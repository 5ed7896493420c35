import { z } from "zod";
import { REASON_MAX_LENGTH, userRefSchema } from "@/lib/login-tokens/schemas";

/** "Log in as": whom, and why (required where the installation asks for a reason; the server says so). */
export const logInAsSchema = z.object({
  user: userRefSchema,
  reason: z
    .string()
    .trim()
    .max(REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`)
    .transform((value) => (value === "" ? null : value)),
});
export type LogInAsInput = z.input<typeof logInAsSchema>;
export type LogInAsValues = z.output<typeof logInAsSchema>;
