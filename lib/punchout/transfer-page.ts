import "server-only";
import type { CartReturn } from "@/lib/punchout/shop";
import { transferPageHeaders } from "@/lib/security/headers";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character] ?? character);

/**
 * The page that carries the cart to the procurement system: a form of the
 * cart's fields, posted to the return URL by /punchout-return.js (or by the
 * button, without script). A route handler's own HTML, because its policy
 * must let the form post to the buyer's origin and nowhere else.
 */
export function transferPageResponse(cart: CartReturn): Response {
  const inputs = cart.fields.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("\n");
  const buyer = escapeHtml(cart.buyerName);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Returning your cart · Webshop</title>
<script src="/punchout-return.js" defer></script>
<style>
  body { margin: 0; min-height: 100svh; display: flex; flex-direction: column; align-items: center; justify-content: center;
         background: #f5f5f4; color: #1c1917; font: 14px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 48px 16px; box-sizing: border-box; }
  main { width: 100%; max-width: 24rem; box-sizing: border-box; background: #fff; border: 1px solid #e7e5e4; border-radius: 16px; padding: 32px; text-align: center; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05); }
  h1 { margin: 0; font-size: 20px; line-height: 28px; font-weight: 600; letter-spacing: -0.01em; }
  p { margin: 8px 0 0; color: #57534e; text-wrap: balance; }
  button { margin-top: 24px; width: 100%; height: 40px; border: 0; border-radius: 8px; background: #047857; color: #fff; font: inherit; font-weight: 500; cursor: pointer; }
  button:focus-visible { outline: 3px solid #6ee7b7; outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <h1>Returning your cart</h1>
  <p>Your cart is on its way back to ${buyer}. If nothing happens, continue with the button.</p>
  <form id="punchout-return" method="post" action="${escapeHtml(cart.returnUrl)}" target="${escapeHtml(cart.target)}">
${inputs}
    <button type="submit">Return to ${buyer}</button>
  </form>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...transferPageHeaders(new URL(cart.returnUrl).origin) },
  });
}
