// Pieces of SQL that more than one statement of this folder needs, written
// once. Each takes the placeholders or names of the statement it goes into.

/**
 * The start of the fixed throttle window the present moment falls in, for a
 * window of `seconds` (a placeholder such as `$2`). Computed by PostgreSQL so
 * that every instance agrees.
 */
export const windowStart = (seconds: string) => `to_timestamp(floor(extract(epoch FROM now()) / ${seconds}::int) * ${seconds}::int)`;

/** Whole seconds until the window that starts at `start` has ended. */
export const secondsUntilWindowEnds = (start: string, seconds: string) =>
  `ceil(extract(epoch FROM ${start} + make_interval(secs => ${seconds}::int) - now()))::int`;

/**
 * Stamps the last use of the API key a CTE named `live` found (its `id` and
 * `last_used_at`), at most once per `seconds`: the condition is checked on
 * what `live` read and again on the row being updated, so that concurrent
 * requests on any number of instances write it once.
 */
export const stampApiKeyUse = (live: string, seconds: string) => `UPDATE api_keys a SET last_used_at = now()
  FROM ${live}
  WHERE a.id = ${live}.id
    AND (${live}.last_used_at IS NULL OR ${live}.last_used_at <= now() - make_interval(secs => ${seconds}::int))
    AND (a.last_used_at IS NULL OR a.last_used_at <= now() - make_interval(secs => ${seconds}::int))`;

/**
 * An audit event written by SQL rather than through recordAudit (lib/audit.ts),
 * when it must be one statement, or one node-pg transaction, with the change
 * it records; the SELECT that follows gives these columns in this order (null
 * where they do not apply).
 */
export const INSERT_AUDIT_EVENTS = `INSERT INTO audit_events
  (action, actor_type, actor_staff_id, actor_api_key_id, actor_label, login_token_id, ip, user_agent, details)`;
