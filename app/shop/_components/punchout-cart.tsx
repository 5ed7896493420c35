import { SendIcon, ShoppingCartIcon, XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ShopPunchout } from "@/lib/punchout/shop";
import { CART_MAX_QUANTITY } from "@/lib/punchout/schemas";
import { formatPrice } from "@/lib/shop/catalogue";

/**
 * A punch-out's cart. Instead of a checkout it has "Transfer cart", which
 * sends the lines back to the procurement system and ends the session there.
 * Plain forms throughout, so it works without script.
 */
export function PunchoutCart({ punchout }: { punchout: ShopPunchout }) {
  const total = punchout.lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
  return (
    <section aria-labelledby="cart" className="mt-6 rounded-xl border border-stone-200 bg-white">
      <div className="flex items-center gap-2 border-b border-stone-200 px-5 py-3">
        <ShoppingCartIcon className="size-4 text-stone-500" aria-hidden />
        <h2 id="cart" className="text-base font-semibold">
          Cart
        </h2>
        <span className="ml-auto text-sm text-stone-500">{punchout.lines.length === 1 ? "1 line" : `${punchout.lines.length} lines`}</span>
      </div>
      {punchout.lines.length === 0 ? (
        <p className="px-5 py-6 text-sm text-stone-600">
          Your cart is empty. Add products from the catalogue below, then transfer the cart to {punchout.buyerName}.
        </p>
      ) : (
        <>
          <ul className="divide-y divide-stone-100">
            {punchout.lines.map(({ product, quantity }) => (
              <li key={product.sku} aria-label={`Cart line ${product.name}`} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 text-sm">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium">{product.name}</p>
                  <p className="text-xs text-stone-500">
                    {product.sku} · {formatPrice(product.priceCents)} per {product.unitLabel}
                  </p>
                </div>
                <form method="post" action="/shop/cart" className="flex items-center gap-1.5">
                  <input type="hidden" name="intent" value="set" />
                  <input type="hidden" name="sku" value={product.sku} />
                  <label htmlFor={`qty-${product.sku}`} className="sr-only">
                    Quantity of {product.name}
                  </label>
                  <input
                    id={`qty-${product.sku}`}
                    name="quantity"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={CART_MAX_QUANTITY}
                    defaultValue={quantity}
                    className="h-8 w-16 rounded-md border border-stone-300 bg-white px-2 text-right tabular-nums"
                  />
                  <Button type="submit" variant="outline" size="sm">
                    Update
                  </Button>
                </form>
                <span className="w-20 text-right font-medium tabular-nums">{formatPrice(product.priceCents * quantity)}</span>
                <form method="post" action="/shop/cart">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="sku" value={product.sku} />
                  <Button type="submit" variant="ghost" size="icon-sm" aria-label={`Remove ${product.name}`}>
                    <XIcon aria-hidden />
                  </Button>
                </form>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 px-5 py-3">
            <p className="text-sm">
              Total <span className="font-semibold tabular-nums">{formatPrice(total)}</span> <span className="text-stone-500">excl. VAT</span>
            </p>
            <form method="post" action="/shop/punchout/transfer">
              <Button type="submit" className="bg-emerald-700 hover:bg-emerald-800">
                <SendIcon aria-hidden />
                Transfer cart
              </Button>
            </form>
          </div>
        </>
      )}
    </section>
  );
}
