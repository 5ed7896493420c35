/**
 * Redemption as ONE statement, so that the check and the consumption cannot be
 * separated by another request (DESIGN.md section 5): the throttle check, the
 * conditional consumption, the failure count (and lockout), the throttle
 * count, the shop session and the audit event all happen together. Under READ
 * COMMITTED a concurrent redemption of the same one-time token waits for the
 * row lock, re-checks `deleted_at IS NULL` on the new row version, finds it
 * consumed, and counts a failure instead.
 *
 * $1 token_hash  $2 origin the browser came from (or null)  $3 throttle key
 * $4 throttle window (s)  $5 failures allowed per window  $6 failures that lock a token
 * $7 session hash (null: open no session)  $8 session hours  $9 ip  $10 user agent  $11 channel
 */
export const REDEEM_SQL = `
WITH throttle AS (
  SELECT w.window_start,
         COALESCE((SELECT r.count FROM rate_limit_counters r WHERE r.key = $3::text AND r.window_start = w.window_start), 0) >= $5::int AS blocked
  FROM (SELECT to_timestamp(floor(extract(epoch FROM now()) / $4::int) * $4::int) AS window_start) w
),
consumed AS (
  UPDATE login_tokens t SET
    successful_attempts = t.successful_attempts + 1,
    last_accessed_at = now(),
    used_at = CASE WHEN t.one_time_use THEN now() ELSE t.used_at END,
    deleted_at = CASE WHEN t.one_time_use THEN now() ELSE t.deleted_at END
  WHERE t.token_hash = $1::bytea
    AND NOT (SELECT blocked FROM throttle)
    AND t.deleted_at IS NULL
    AND t.locked_at IS NULL
    AND (t.expires_at IS NULL OR t.expires_at > now())
    AND (t.referrer IS NULL OR t.referrer = $2::text)
  RETURNING t.id, t.user_type, t.contact_id, t.customer_id, t.extra, t.expires_at, t.one_time_use,
            t.redirect_path, t.reason, t.created_by_staff_id
),
failed AS (
  UPDATE login_tokens t SET
    failed_attempts = t.failed_attempts + 1,
    last_accessed_at = now(),
    locked_at = CASE WHEN t.locked_at IS NULL AND t.deleted_at IS NULL AND t.failed_attempts + 1 >= $6::int
                     THEN now() ELSE t.locked_at END
  WHERE t.token_hash = $1::bytea
    AND NOT (SELECT blocked FROM throttle)
    AND NOT EXISTS (SELECT 1 FROM consumed)
  RETURNING t.id
),
counted AS (
  INSERT INTO rate_limit_counters (key, window_start, count)
  SELECT $3::text, window_start, 1 FROM throttle WHERE NOT blocked AND NOT EXISTS (SELECT 1 FROM consumed)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
  RETURNING count
),
opened AS (
  INSERT INTO shop_sessions (session_hash, login_token_id, user_type, contact_id, customer_id, expires_at)
  SELECT $7::bytea, c.id, c.user_type, c.contact_id, c.customer_id, now() + make_interval(hours => $8::int)
  FROM consumed c WHERE $7::bytea IS NOT NULL
  RETURNING id, expires_at
),
audited AS (
  INSERT INTO audit_events (action, actor_type, login_token_id, ip, user_agent, details)
  SELECT 'token.redeemed', 'VISITOR'::"ActorType", c.id, $9::text, $10::text, jsonb_build_object('channel', $11::text)
  FROM consumed c
  UNION ALL
  SELECT 'token.redeem_failed', 'VISITOR'::"ActorType", (SELECT f.id FROM failed f), $9::text, $10::text, jsonb_build_object('channel', $11::text)
  FROM throttle WHERE NOT blocked AND NOT EXISTS (SELECT 1 FROM consumed)
)
SELECT th.blocked,
       ceil(extract(epoch FROM th.window_start + make_interval(secs => $4::int) - now()))::int AS retry_after,
       c.id, c.user_type, c.contact_id, c.customer_id, c.extra, c.expires_at, c.one_time_use, c.redirect_path, c.reason,
       o.expires_at AS session_expires_at,
       COALESCE(ct.first_name || ' ' || ct.last_name, cu.first_name || ' ' || cu.last_name) AS user_name,
       COALESCE(ct.email, cu.email) AS user_email,
       co.name AS company_name,
       s.name AS created_by_staff_name
FROM throttle th
LEFT JOIN consumed c ON true
LEFT JOIN opened o ON true
LEFT JOIN contacts ct ON ct.id = c.contact_id
LEFT JOIN companies co ON co.id = ct.company_id
LEFT JOIN customers cu ON cu.id = c.customer_id
LEFT JOIN staff_users s ON s.id = c.created_by_staff_id
`;
