import "server-only";
import { env } from "@/lib/env";
import { isInsecureOrigin } from "@/lib/punchout/schemas";

const MAX_RETURN_URL_LENGTH = 2048;

/**
 * The return URL a procurement system names at setup (HOOK_URL, BrowserFormPost),
 * when its origin is exactly one the buyer allows; null otherwise. Checked
 * once, at setup: what is stored is what the cart later goes to.
 */
export function allowedReturnUrl(value: unknown, allowedOrigins: string[]): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_RETURN_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  if (isInsecureOrigin(url.origin) && !env().PUNCHOUT_ALLOW_INSECURE_RETURN) return null;
  return allowedOrigins.includes(url.origin) ? url.href : null;
}
