import { BoxIcon, GlassesIcon, HandIcon, PackageIcon, PlusIcon, ScrollTextIcon, ShieldIcon, type LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CATALOGUE, formatPrice } from "@/lib/shop/catalogue";

const ICONS: Record<string, LucideIcon> = {
  "GLV-NIT-100": HandIcon,
  "PAP-A4-5R": ScrollTextIcon,
  "GLS-SAF-CLR": GlassesIcon,
  "BOX-SHP-25": BoxIcon,
  "TAP-PKG-6": PackageIcon,
  "MSK-FFP2-20": ShieldIcon,
};

/** The catalogue; in a punch-out each product can go into the cart (a plain form, so it works without script). */
export function FeaturedProducts({ orderable = false }: { orderable?: boolean }) {
  return (
    <section aria-labelledby="featured" className="mt-10">
      <h2 id="featured" className="text-base font-semibold">
        {orderable ? "Catalogue" : "Featured products"}
      </h2>
      <ul className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-3">
        {CATALOGUE.map((product) => {
          const Icon = ICONS[product.sku] ?? PackageIcon;
          return (
            <li key={product.sku} aria-label={product.name} className="flex flex-col rounded-xl border border-stone-200 bg-white p-4">
              <div className="flex aspect-[4/3] items-center justify-center rounded-lg bg-stone-100 text-stone-400">
                <Icon className="size-8" aria-hidden />
              </div>
              <p className="mt-3 text-sm font-medium">{product.name}</p>
              <p className="text-sm text-stone-600">
                {formatPrice(product.priceCents)} <span className="text-stone-500">per {product.unitLabel}</span>
              </p>
              <p className="mt-1 font-mono text-[11px] text-stone-500">
                {product.sku} · UNSPSC {product.unspsc}
              </p>
              {orderable && (
                <form method="post" action="/shop/cart" className="mt-auto pt-3">
                  <input type="hidden" name="intent" value="add" />
                  <input type="hidden" name="sku" value={product.sku} />
                  <Button type="submit" variant="outline" size="sm" className="w-full" aria-label={`Add ${product.name} to cart`}>
                    <PlusIcon aria-hidden />
                    Add to cart
                  </Button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
