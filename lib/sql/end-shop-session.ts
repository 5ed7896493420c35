/**
 * Ends the webshop session a cookie names.
 *
 * $1 the session's hash
 */
export const END_SHOP_SESSION = { name: "end-shop-session", text: "DELETE FROM shop_sessions WHERE session_hash = $1::bytea" } as const;
