/**
 * Stamps a webshop session's last use, at most once per $2 seconds: the
 * condition makes every other request a no-op.
 *
 * $1 the session's hash  $2 seconds between two stamps
 */
export const TOUCH_SHOP_SESSION = {
  name: "touch-shop-session",
  text: `UPDATE shop_sessions SET last_seen_at = now()
         WHERE session_hash = $1::bytea AND (last_seen_at IS NULL OR last_seen_at <= now() - make_interval(secs => $2::int))`,
} as const;
