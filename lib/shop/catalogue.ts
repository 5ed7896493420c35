// The storefront's small catalogue: what the shop shows and what a punch-out
// cart returns to the procurement system. Prices are in cents; units are the
// UN/ECE codes procurement systems expect; classifications are UNSPSC.

export const CATALOGUE_CURRENCY = "EUR";

export interface CatalogueProduct {
  sku: string;
  name: string;
  priceCents: number;
  /** UN/ECE Recommendation 20 unit: BX box, PK pack, EA each, RM ream. */
  unit: string;
  unitLabel: string;
  unspsc: string;
}

export const CATALOGUE: readonly CatalogueProduct[] = [
  { sku: "GLV-NIT-100", name: "Nitrile gloves, box of 100", priceCents: 1250, unit: "BX", unitLabel: "box", unspsc: "46181504" },
  { sku: "PAP-A4-5R", name: "A4 copy paper, 5 reams", priceCents: 2490, unit: "PK", unitLabel: "pack", unspsc: "14111507" },
  { sku: "GLS-SAF-CLR", name: "Safety glasses, clear", priceCents: 675, unit: "EA", unitLabel: "pair", unspsc: "46181802" },
  { sku: "BOX-SHP-25", name: "Shipping boxes, 25 pack", priceCents: 1800, unit: "PK", unitLabel: "pack", unspsc: "24112700" },
  { sku: "TAP-PKG-6", name: "Packing tape, 6 rolls", priceCents: 990, unit: "PK", unitLabel: "pack", unspsc: "31201512" },
  { sku: "MSK-FFP2-20", name: "FFP2 masks, box of 20", priceCents: 1595, unit: "BX", unitLabel: "box", unspsc: "42131713" },
];

export const findProduct = (sku: string) => CATALOGUE.find((product) => product.sku === sku) ?? null;

/** A price as procurement systems read it: a plain decimal with a dot. */
export const decimalPrice = (cents: number) => (cents / 100).toFixed(2);

const euro = new Intl.NumberFormat("en-IE", { style: "currency", currency: CATALOGUE_CURRENCY });
export const formatPrice = (cents: number) => euro.format(cents / 100);
