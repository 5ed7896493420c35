import { BoxIcon, GlassesIcon, HandIcon, ScrollTextIcon } from "lucide-react";

// Shelf dressing: the storefront exists to show who is signed in, not to sell.
const PRODUCTS = [
  { name: "Nitrile gloves, box of 100", price: "€ 12.50", icon: HandIcon },
  { name: "A4 copy paper, 5 reams", price: "€ 24.90", icon: ScrollTextIcon },
  { name: "Safety glasses, clear", price: "€ 6.75", icon: GlassesIcon },
  { name: "Shipping boxes, 25 pack", price: "€ 18.00", icon: BoxIcon },
];

export function FeaturedProducts() {
  return (
    <section aria-labelledby="featured" className="mt-10">
      <h2 id="featured" className="text-base font-semibold">
        Featured products
      </h2>
      <ul className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
        {PRODUCTS.map(({ name, price, icon: Icon }) => (
          <li key={name} className="rounded-xl border border-stone-200 bg-white p-4">
            <div className="flex aspect-[4/3] items-center justify-center rounded-lg bg-stone-100 text-stone-400">
              <Icon className="size-8" aria-hidden />
            </div>
            <p className="mt-3 text-sm font-medium">{name}</p>
            <p className="text-sm text-stone-600">{price}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
