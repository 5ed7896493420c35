import { z } from "zod";
import { TOKEN_VALUE_PATTERN } from "@/lib/login-tokens/token-crypto";

/**
 * The login link's parameters. Anything but one string of the token's length
 * and alphabet fails here, before any lookup: a repeated `t` arrives as an
 * array and is refused like an oversize or foreign value.
 */
export const tokenValueSchema = z.string().regex(TOKEN_VALUE_PATTERN);

/** `redirect` is only a wish: an unsafe path is dropped later (safeRelativePath), not refused. */
const redirectSchema = z.string().max(2048).optional();

export const loginLinkQuerySchema = z.object({ t: tokenValueSchema, redirect: redirectSchema });

export const redeemFormSchema = z.object({
  t: tokenValueSchema,
  proof: z.string().max(512).optional(),
  redirect: redirectSchema,
});
export type RedeemFormInput = z.infer<typeof redeemFormSchema>;

/**
 * A form's fields as the schema expects them: a field sent once is its value,
 * a repeated one an array (which the schema refuses), a missing one undefined.
 */
export function formFields(form: URLSearchParams, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    names.map((name) => {
      const values = form.getAll(name);
      return [name, values.length === 0 ? undefined : values.length === 1 ? values[0] : values];
    }),
  );
}
