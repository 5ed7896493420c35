// The login link's POST takes what its GET page puts in the form (the value,
// the redirect and whatever proof the page adds). The benchmark reads those
// fields from the GET page for each token before the clock starts, so that the
// timed run measures the redeeming POST alone, as a browser would send it.
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'", "#x2F": "/" };
const decode = (text: string) => text.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, "i").exec(tag);
  return match ? decode(match[2] ?? match[3] ?? "") : null;
}

/** The hidden fields of the form that posts to /login/token/redeem, or null when the page has none. */
export function redeemFormFields(html: string): Record<string, string> | null {
  const form = /<form\b[^>]*action\s*=\s*["'][^"']*\/login\/token\/redeem[^"']*["'][^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const fields: Record<string, string> = {};
  for (const [tag] of form[1]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(tag, "name");
    if (name && attribute(tag, "type")?.toLowerCase() === "hidden") fields[name] = attribute(tag, "value") ?? "";
  }
  return fields;
}

/** Whether this build has the login link's POST: a refused value gets an answer other than 404. */
export async function linkRedeemExists(origin: string): Promise<boolean> {
  const response = await fetch(`${origin}/login/token/redeem`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: "t=not-a-token&redirect=%2Fshop",
  });
  await response.arrayBuffer();
  return response.status !== 404 && response.status !== 405;
}

// The server refuses a page proof younger than a second (a person reads before clicking).
const PROOF_MIN_AGE_MS = 1_000;

/** Each value's form body, read from its GET page, `concurrency` pages at a time; returned once the last page's proof is accepted. */
export async function linkFormBodies(origin: string, values: string[], concurrency = 8): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < values.length) {
        const value = values[next++]!;
        const response = await fetch(`${origin}/login/token?t=${encodeURIComponent(value)}&redirect=%2Fshop`);
        const fields = redeemFormFields(await response.text());
        if (!fields) throw new Error(`The login link page answered ${response.status} without a redeem form`);
        bodies.set(value, new URLSearchParams({ redirect: "/shop", ...fields, t: fields.t ?? value }).toString());
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, PROOF_MIN_AGE_MS + 100));
  return bodies;
}
