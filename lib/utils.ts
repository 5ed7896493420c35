import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names; later Tailwind classes win over earlier ones that set the same property. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/**
 * `value` when it is a path on this origin, else `fallback`. A leading "//"
 * or "/\" is another host to a browser, and control characters can smuggle
 * one in, so only a single leading "/" is accepted: a return address taken
 * from a query string must never send staff off-site (open redirect).
 */
export function safeRelativePath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback;
  return asciiPath(value) ?? fallback;
}

const PATH_BASE = "http://path.invalid";

/**
 * A path on this origin as a URL carries it: dot segments resolved and every
 * character outside ASCII percent-encoded (a `Location` header holds ASCII
 * only, so `/shop/€uro` becomes `/shop/%E2%82%ACuro`); null when the URL
 * parser puts it on another origin, or resolving its dots leaves a leading
 * "//" (`/a/..//evil.example`), which a browser reads as another host. Never throws.
 */
export function asciiPath(value: string): string | null {
  try {
    const url = new URL(value, PATH_BASE);
    const path = url.pathname + url.search + url.hash;
    return url.origin === PATH_BASE && !path.startsWith("//") ? path : null;
  } catch {
    return null;
  }
}
