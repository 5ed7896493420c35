import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Adds one of a product to an open punch-out's cart (up to `maxQuantity`), or
 * sets its quantity when `replace`, in one statement, so that two quick clicks
 * on "Add" count twice, and a transferred cart stays as it went.
 */
export const changeCartItemSql = (punchoutId: string, sku: string, quantity: number, replace: boolean, maxQuantity: number) => Prisma.sql`
  INSERT INTO punchout_cart_items (punchout_session_id, sku, quantity)
  SELECT id, ${sku}, ${quantity}::int FROM punchout_sessions WHERE id = ${punchoutId}::uuid AND transferred_at IS NULL
  ON CONFLICT (punchout_session_id, sku) DO UPDATE
    SET quantity = CASE WHEN ${replace} THEN EXCLUDED.quantity ELSE LEAST(punchout_cart_items.quantity + 1, ${maxQuantity}::int) END`;
