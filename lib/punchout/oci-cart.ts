import { CATALOGUE_CURRENCY, decimalPrice } from "@/lib/shop/catalogue";
import type { CartLine } from "@/lib/punchout/cxml";

/** OCI's short description field holds 40 characters; SAP cuts anything longer. */
const DESCRIPTION_LENGTH = 40;

/**
 * The cart as the OCI form fields a procurement system's HOOK_URL reads:
 * NEW_ITEM-*[n] per line, numbered from 1, prices as plain decimals per one
 * unit, the product group as its UNSPSC code, and ~OkCode=ADDI ("add items").
 */
export function ociCartFields(lines: CartLine[], target: string): [string, string][] {
  const fields: [string, string][] = [
    ["~OkCode", "ADDI"],
    ["~TARGET", target],
    ["~CALLER", "CTLG"],
  ];
  lines.forEach(({ product, quantity }, index) => {
    const n = index + 1;
    fields.push(
      [`NEW_ITEM-DESCRIPTION[${n}]`, product.name.slice(0, DESCRIPTION_LENGTH)],
      [`NEW_ITEM-QUANTITY[${n}]`, String(quantity)],
      [`NEW_ITEM-UNIT[${n}]`, product.unit],
      [`NEW_ITEM-PRICE[${n}]`, decimalPrice(product.priceCents)],
      [`NEW_ITEM-PRICEUNIT[${n}]`, "1"],
      [`NEW_ITEM-CURRENCY[${n}]`, CATALOGUE_CURRENCY],
      [`NEW_ITEM-VENDORMAT[${n}]`, product.sku],
      [`NEW_ITEM-EXT_PRODUCT_ID[${n}]`, product.sku],
      [`NEW_ITEM-MATGROUP[${n}]`, product.unspsc],
      [`NEW_ITEM-LONGTEXT_${n}:132[]`, product.name],
    );
  });
  return fields;
}
