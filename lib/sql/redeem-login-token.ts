/**
 * Redemption as ONE statement, so that the check and the consumption cannot be
 * separated by another request: the throttle check, the
 * conditional consumption or the failure count (and lockout), the throttle
 * count, the shop session and the audit event all happen together.
 *
 * One UPDATE finds the token and decides: its SET list counts a success or a
 * failure from the row it locked, and RETURNING says which (old and new row
 * versions). Under READ COMMITTED a concurrent redemption of the same one-time
 * token waits for the row lock, re-evaluates the SET list on the new row
 * version, finds it consumed, and counts a failure instead.
 *
 * The statement is small on purpose: PostgreSQL sets up every node of its plan
 * on each execution, and the answer's lookups run only for a holder the token
 * has (a contact or a customer, never both).
 *
 * Through the API, the request's key is checked here too ($12, its hash): a
 * key that is unknown or revoked blocks every write, like the throttle, and
 * the answer says so; a live one has its `last_used_at` stamped, at most once
 * per $13 seconds (the condition is re-checked on the row being updated, so
 * concurrent requests write it once).
 *
 * The login link's page proof is claimed here too ($14, its nonce): a proof
 * that was used before (or is being used by a concurrent request, which the
 * claim waits for) blocks every write, and the answer says it was replayed.
 *
 * The throttle holds under concurrency: a value no live token has (a guess,
 * or a used or deleted link) is counted *before* it is evaluated, and the
 * count the upsert returns, serialised by its row lock, decides; so of any
 * number of concurrent guesses at most the limit are evaluated. A failure on a
 * live token is counted after it (a token's own failures also lock it), and a
 * success never touches the counter, so a busy key's redemptions do not queue
 * on one row.
 *
 * A token of N uses (max_uses) is used up by its Nth success exactly as a
 * one-time token by its first: a concurrent redemption re-evaluates the SET
 * list on the row version that success wrote, finds it consumed, and fails.
 *
 * Locking a token ends the webshop sessions it opened. A session opened
 * through a staff member's token for a person (impersonation) lasts $16
 * minutes; every other session $8 hours.
 *
 * $1 token_hash  $2 origin the browser came from (or null)  $3 throttle key
 * $4 throttle window (s)  $5 failures allowed per window  $6 failures that lock a token
 * $7 session hash (null: open no session)  $8 session hours  $9 ip  $10 user agent  $11 channel
 * $12 API key hash (null: a login link)  $13 seconds between two stamps of a key's last use
 * $14 page proof nonce (null: the API)  $15 until when the nonce must be remembered
 * $16 impersonation session minutes
 */
import { INSERT_AUDIT_EVENTS, secondsUntilWindowEnds, stampApiKeyUse, windowStart } from "@/lib/sql/fragments";

/**
 * A token of a deactivated contact or customer does not redeem: looked up by
 * primary key, inside the one statement, for the holder the token has.
 */
const HOLDER_DEACTIVATED = `SELECT 1 FROM contacts hc WHERE hc.id = t.contact_id AND hc.deactivated_at IS NOT NULL
              UNION ALL SELECT 1 FROM customers hu WHERE hu.id = t.customer_id AND hu.deactivated_at IS NOT NULL`;

const text = `
WITH caller AS (
  SELECT k.id, k.last_used_at FROM api_keys k WHERE k.key_hash = $12::bytea AND k.revoked_at IS NULL
),
stamped AS (
  ${stampApiKeyUse("caller", "$13")}
),
slot AS (
  SELECT ${windowStart("$4")} AS window_start,
         $12::bytea IS NOT NULL AND NOT EXISTS (SELECT 1 FROM caller) AS key_refused,
         $14::bytea IS NOT NULL AS with_proof
),
claimed AS (
  INSERT INTO link_page_proofs (nonce, expires_at)
  SELECT $14::bytea, $15::timestamptz FROM slot WHERE with_proof
  ON CONFLICT (nonce) DO NOTHING
  RETURNING nonce
),
-- The token's row is locked before the throttle's counter, on every path that
-- takes both: a guess at a used token counts first and then updates the token,
-- a refusal of a live one updates it and then counts, and without one order
-- two such requests of one caller deadlock. After the wait it reads the newest
-- version, so a token used meanwhile counts as the guess it now is.
held AS MATERIALIZED (
  SELECT t.id, t.deleted_at IS NULL AND t.used_at IS NULL AS live
  FROM login_tokens t WHERE t.token_hash = $1::bytea
  FOR UPDATE
),
-- A value no token has now may be one a token had before a rotation; looked
-- up (by primary key) only then.
former AS (
  SELECT r.login_token_id AS id FROM rotated_token_hashes r
  WHERE r.token_hash = $1::bytea AND NOT EXISTS (SELECT 1 FROM held)
),
guessed AS (
  INSERT INTO rate_limit_counters (key, window_start, count)
  SELECT $3::text, s.window_start, 1 FROM slot s
  WHERE NOT s.key_refused
    AND (NOT s.with_proof OR EXISTS (SELECT 1 FROM claimed))
    AND NOT EXISTS (SELECT 1 FROM held WHERE live)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
  RETURNING count
),
throttle AS (
  SELECT w.window_start, w.key_refused, w.replayed,
         w.key_refused OR w.replayed OR COALESCE(
           (SELECT g.count > $5::int FROM guessed g),
           (SELECT r.count >= $5::int FROM rate_limit_counters r WHERE r.key = $3::text AND r.window_start = w.window_start),
           false) AS blocked
  FROM (SELECT s.window_start, s.key_refused, s.with_proof AND NOT EXISTS (SELECT 1 FROM claimed) AS replayed FROM slot s) w
),
attempt AS (
  UPDATE login_tokens t SET (successful_attempts, failed_attempts, last_accessed_at, used_at, locked_at, expires_at) = (
    SELECT t.successful_attempts + v.ok::int,
           t.failed_attempts + (NOT v.ok)::int,
           now(),
           CASE WHEN v.last_use THEN now() ELSE t.used_at END,
           CASE WHEN NOT v.ok AND t.locked_at IS NULL AND t.deleted_at IS NULL AND t.used_at IS NULL AND t.failed_attempts + 1 >= $6::int
                THEN now() ELSE t.locked_at END,
           -- The first use starts the window after it: from then on the token expires at its end (LEAST ignores a null).
           CASE WHEN v.ok AND t.successful_attempts = 0 AND t.use_window_minutes IS NOT NULL
                THEN LEAST(t.expires_at, now() + make_interval(mins => t.use_window_minutes)) ELSE t.expires_at END
    FROM (SELECT ok, ok AND (t.one_time_use OR t.successful_attempts + 1 >= t.max_uses) IS TRUE AS last_use
          -- IS TRUE: a referrer compared with no origin is NULL, which refuses.
          -- A used token stays listed (not deleted); used_at alone stops it.
          FROM (SELECT (t.deleted_at IS NULL
                    AND t.used_at IS NULL
                    AND t.locked_at IS NULL
                    AND (t.expires_at IS NULL OR t.expires_at > now())
                    AND (t.referrer IS NULL OR t.referrer = $2::text)
                    AND NOT EXISTS (${HOLDER_DEACTIVATED})) IS TRUE AS ok) o) v
  )
  WHERE t.token_hash = $1::bytea
    AND NOT (SELECT blocked FROM throttle)
  RETURNING t.id, new.successful_attempts > old.successful_attempts AS redeemed,
            old.locked_at IS NULL AND new.locked_at IS NOT NULL AS locked,
            -- Why a failure failed, for staff only (the visitor sees one generic answer).
            CASE WHEN old.used_at IS NOT NULL THEN 'used'
                 WHEN old.deleted_at IS NOT NULL THEN 'deleted'
                 WHEN old.locked_at IS NOT NULL THEN 'locked'
                 WHEN old.expires_at <= now() THEN 'expired'
                 WHEN new.successful_attempts = old.successful_attempts AND EXISTS (${HOLDER_DEACTIVATED}) THEN 'holder_deactivated'
                 ELSE 'wrong_referrer' END AS refusal,
            t.user_type, t.contact_id, t.customer_id, t.extra, t.expires_at, t.one_time_use,
            t.redirect_path, t.reason, t.created_by_staff_id
),
counted AS (
  INSERT INTO rate_limit_counters (key, window_start, count)
  SELECT $3::text, window_start, 1 FROM throttle
  WHERE NOT blocked AND NOT EXISTS (SELECT 1 FROM guessed) AND NOT EXISTS (SELECT 1 FROM attempt WHERE redeemed)
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
),
ended AS (
  DELETE FROM shop_sessions s USING attempt a WHERE a.locked AND s.login_token_id = a.id
),
opened AS (
  INSERT INTO shop_sessions (session_hash, login_token_id, user_type, contact_id, customer_id, ip, user_agent, last_seen_at, expires_at)
  SELECT $7::bytea, a.id, a.user_type, a.contact_id, a.customer_id, $9::text, $10::text, now(),
         now() + CASE WHEN a.created_by_staff_id IS NOT NULL AND a.user_type IS NOT NULL
                      THEN make_interval(mins => $16::int) ELSE make_interval(hours => $8::int) END
  FROM attempt a WHERE a.redeemed AND $7::bytea IS NOT NULL
  RETURNING expires_at
),
-- A throttled attempt writes nothing but its audit event, and only for a
-- value that is or was a token's: a flood of guesses stays as cheap as ever,
-- and staff see a token that was tried while its caller was throttled.
audited AS (
  ${INSERT_AUDIT_EVENTS}
  SELECT CASE WHEN a.redeemed THEN 'token.redeemed' ELSE 'token.redeem_failed' END, 'VISITOR'::"ActorType", NULL, NULL, NULL, COALESCE(a.id, h.id, f.id),
         $9::text, $10::text,
         CASE WHEN a.redeemed THEN jsonb_build_object('channel', $11::text)
              ELSE jsonb_build_object('channel', $11::text, 'refusal',
                     CASE WHEN th.blocked THEN 'throttled' WHEN f.id IS NOT NULL THEN 'rotated' ELSE COALESCE(a.refusal, 'unknown') END) END
  FROM throttle th LEFT JOIN attempt a ON true LEFT JOIN held h ON th.blocked LEFT JOIN former f ON true
  WHERE NOT th.blocked OR NOT (th.key_refused OR th.replayed) AND (h.id IS NOT NULL OR f.id IS NOT NULL)
)
SELECT th.blocked, th.key_refused, th.replayed,
       ${secondsUntilWindowEnds("th.window_start", "$4")} AS retry_after,
       a.id, a.user_type, a.contact_id, a.customer_id, a.extra, a.expires_at, a.one_time_use, a.redirect_path, a.reason,
       o.expires_at AS session_expires_at,
       u.user_name, u.user_email, u.company_name,
       (SELECT s.name FROM staff_users s WHERE s.id = a.created_by_staff_id) AS created_by_staff_name
FROM throttle th
LEFT JOIN attempt a ON a.redeemed
LEFT JOIN opened o ON true
LEFT JOIN LATERAL (
  SELECT ct.first_name || ' ' || ct.last_name AS user_name, ct.email AS user_email, co.name AS company_name
  FROM contacts ct JOIN companies co ON co.id = ct.company_id
  WHERE ct.id = a.contact_id AND a.contact_id IS NOT NULL
  UNION ALL
  SELECT cu.first_name || ' ' || cu.last_name, cu.email, NULL
  FROM customers cu
  WHERE cu.id = a.customer_id AND a.customer_id IS NOT NULL
) u ON true
`;

/** Run as a named prepared statement: parsed and planned once per connection. */
export const REDEEM_LOGIN_TOKEN = { name: "redeem-login-token", text } as const;
