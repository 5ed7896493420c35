-- A redemption of a one-time token sets deleted_at, so it can never be a HOT
-- update: PostgreSQL writes an entry for the new row version into every index
-- whose predicate that version satisfies. Every view of the Login Tokens list
-- except "Used" asks for deleted_at IS NULL, so the sort indexes hold live
-- tokens only: a consumed or deleted token leaves them, instead of adding an
-- entry to each of them, and they stay smaller as used tokens pile up. The
-- predicate also replaces the INCLUDE (deleted_at) that made their walks
-- index-only. The "Used" view finds its rows through login_tokens_used_at_idx
-- and reads them newest first from an index of its own (below).

DROP INDEX "login_tokens_created_at_id_idx";
CREATE INDEX "login_tokens_created_at_id_idx" ON "login_tokens"("created_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_updated_at_id_idx";
CREATE INDEX "login_tokens_updated_at_id_idx" ON "login_tokens"("updated_at", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_expires_at_id_idx";
CREATE INDEX "login_tokens_expires_at_id_idx" ON "login_tokens"("expires_at", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_last_accessed_at_id_idx";
CREATE INDEX "login_tokens_last_accessed_at_id_idx" ON "login_tokens"("last_accessed_at" DESC NULLS LAST, "id" DESC) WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_successful_attempts_id_idx";
CREATE INDEX "login_tokens_successful_attempts_id_idx" ON "login_tokens"("successful_attempts", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_failed_attempts_id_idx";
CREATE INDEX "login_tokens_failed_attempts_id_idx" ON "login_tokens"("failed_attempts", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_user_name_id_idx";
CREATE INDEX "login_tokens_user_name_id_idx" ON "login_tokens"("user_name", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_user_type_id_idx";
CREATE INDEX "login_tokens_user_type_id_idx" ON "login_tokens"("user_type", "id") WHERE "deleted_at" IS NULL;

DROP INDEX "login_tokens_one_time_use_id_idx";
CREATE INDEX "login_tokens_one_time_use_id_idx" ON "login_tokens"("one_time_use", "id") WHERE "deleted_at" IS NULL;

-- The "Used" view's default order, newest first, for the used tokens the
-- indexes above leave out: the one entry a redemption still adds for them.
CREATE INDEX "login_tokens_used_created_at_id_idx" ON "login_tokens"("created_at" DESC, "id" DESC) WHERE "used_at" IS NOT NULL;

-- "Locked" lists live tokens only, too.
DROP INDEX "login_tokens_locked_at_idx";
CREATE INDEX "login_tokens_locked_at_idx" ON "login_tokens"("locked_at") WHERE "deleted_at" IS NULL;

-- These two also serve the foreign keys and the user_name triggers, which
-- must find deleted tokens as well; they only leave out the tokens without
-- such a holder, so a redemption adds an entry to one of them at most.
DROP INDEX "login_tokens_contact_id_created_at_idx";
CREATE INDEX "login_tokens_contact_id_created_at_idx" ON "login_tokens"("contact_id", "created_at") WHERE "contact_id" IS NOT NULL;

DROP INDEX "login_tokens_customer_id_created_at_idx";
CREATE INDEX "login_tokens_customer_id_created_at_idx" ON "login_tokens"("customer_id", "created_at") WHERE "customer_id" IS NOT NULL;

-- A visitor's audit event (every redemption and failure) has no staff or API
-- key actor, so it need not be written into the actor indexes; the actor
-- filters and the foreign keys look up one actor, never NULL.
DROP INDEX "audit_events_actor_staff_id_created_at_idx";
CREATE INDEX "audit_events_actor_staff_id_created_at_idx" ON "audit_events"("actor_staff_id", "created_at") WHERE "actor_staff_id" IS NOT NULL;

DROP INDEX "audit_events_actor_api_key_id_created_at_idx";
CREATE INDEX "audit_events_actor_api_key_id_created_at_idx" ON "audit_events"("actor_api_key_id", "created_at") WHERE "actor_api_key_id" IS NOT NULL;
