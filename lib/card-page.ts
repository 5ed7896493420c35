// The few pages a route handler writes itself, because it cannot render the
// app's React pages or must set a policy of its own: one centred card in the
// look of the login link pages. No `server-only`: the production server's own
// routes use it outside Next.js.

/** Text or an attribute value, written into HTML as it reads. */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character);

export interface CardPage {
  /** Plain text; the tab says "<title> · Webshop". */
  title: string;
  /** HTML of the card. */
  card: string;
  /** HTML the head adds after the title (a script, a referrer policy). */
  head?: string;
  /** CSS for what the card holds beyond its heading and text. */
  styles?: string;
  /** HTML under the card. */
  after?: string;
}

export function cardPage({ title, card, head = "", styles = "", after = "" }: CardPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)} · Webshop</title>${head ? `\n${head}` : ""}
<style>
  body { margin: 0; min-height: 100svh; display: flex; flex-direction: column; align-items: center; justify-content: center;
         background: #f5f5f4; color: #1c1917; font: 14px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 48px 16px; box-sizing: border-box; }
  main { width: 100%; max-width: 24rem; box-sizing: border-box; background: #fff; border: 1px solid #e7e5e4; border-radius: 16px; padding: 32px; text-align: center; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05); }
  h1 { margin: 0; font-size: 20px; line-height: 28px; font-weight: 600; letter-spacing: -0.01em; }
  p { margin: 8px 0 0; color: #57534e; text-wrap: balance; }${styles ? `\n${styles}` : ""}
</style>
</head>
<body>
<main>
${card}
</main>${after ? `\n${after}` : ""}
</body>
</html>`;
}
