import "server-only";
import { crossSiteRefusal, isSameOriginPost } from "@/lib/security/same-origin";

/**
 * The largest server action body: deleting 10,000 selected tokens sends about
 * 400 KB of ids, and nothing else comes near. next.config.js gives Next.js the
 * same limit (`serverActions.bodySizeLimit`) for bodies sent without a length.
 */
export const ACTION_BODY_LIMIT_BYTES = 512 * 1024;

/** Nesting no action's input comes near; React's decoder recurses once per level. */
const MAX_NESTING = 32;

// What the framework's client sends: its own text encoding of the arguments,
// or a form (with script off, or with files).
const ACTION_CONTENT_TYPES = /^(?:text\/plain|multipart\/form-data|application\/x-www-form-urlencoded)\s*(?:;|$)/i;

const refusal = (status: 400 | 413, message: string) =>
  new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Whether JSON text nests deeper than `limit`, counted without parsing it (strings skipped). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      if (++depth > limit) return true;
    } else if (char === "]" || char === "}") depth--;
  }
  return false;
}

/**
 * The checks of proxy.ts for a server action call (a POST with a Next-Action
 * header), before Next.js decodes anything or runs the action: a call from
 * another origin is 403 (Next.js's own check would throw, a 500); a body that
 * is too large is 413; an empty body, one of another type, or arguments that
 * are not the framework's encoding or nest absurdly deep are 400. Null: the
 * call may go on. What the framework's decoder does with a body that passes
 * these is its own (README, Bad input).
 */
export async function actionRequestRefusal(request: Request): Promise<Response | null> {
  if (!isSameOriginPost(request.headers)) return crossSiteRefusal();
  const length = request.headers.get("content-length");
  if (length !== null && Number(length) > ACTION_BODY_LIMIT_BYTES) return refusal(413, "The request is too large.");
  if (length === "0") return refusal(400, "The request has no body.");
  const type = request.headers.get("content-type") ?? "";
  if (!ACTION_CONTENT_TYPES.test(type)) return refusal(400, "The request is not a call of this app.");
  if (!/^text\/plain/i.test(type)) return null;

  const text = await request.clone().text();
  if (text.length > ACTION_BODY_LIMIT_BYTES) return refusal(413, "The request is too large.");
  if (text.trim() === "") return refusal(400, "The request has no body.");
  if (nestsDeeperThan(text, MAX_NESTING)) return refusal(400, "The request is not a call of this app.");
  try {
    JSON.parse(text);
  } catch {
    return refusal(400, "The request is not a call of this app.");
  }
  return null;
}
