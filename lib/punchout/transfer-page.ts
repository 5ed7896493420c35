import "server-only";
import type { CartReturn } from "@/lib/punchout/shop";
import { transferPageHeaders } from "@/lib/security/headers";
import { cardPage, escapeHtml } from "@/lib/card-page";

/**
 * The page that carries the cart to the procurement system: a form of the
 * cart's fields, posted to the return URL by /punchout-return.js (or by the
 * button, without script). A route handler's own HTML, because its policy
 * must let the form post to the buyer's origin and nowhere else.
 */
export function transferPageResponse(cart: CartReturn): Response {
  const inputs = cart.fields.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("\n");
  const buyer = escapeHtml(cart.buyerName);
  const html = cardPage({
    title: "Returning your cart",
    head: '<script src="/punchout-return.js" defer></script>',
    styles: `  button { margin-top: 24px; width: 100%; height: 40px; border: 0; border-radius: 8px; background: #047857; color: #fff; font: inherit; font-weight: 500; cursor: pointer; }
  button:focus-visible { outline: 3px solid #6ee7b7; outline-offset: 2px; }`,
    card: `  <h1>Returning your cart</h1>
  <p>Your cart is on its way back to ${buyer}. If nothing happens, continue with the button.</p>
  <form id="punchout-return" method="post" action="${escapeHtml(cart.returnUrl)}" target="${escapeHtml(cart.target)}">
${inputs}
    <button type="submit">Return to ${buyer}</button>
  </form>`,
  });
  return new Response(html, {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...transferPageHeaders(new URL(cart.returnUrl).origin) },
  });
}
