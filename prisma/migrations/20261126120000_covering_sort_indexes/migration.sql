-- Every sort index carries deleted_at, the one condition every live view of
-- the Login Tokens list has, so the ids of a page can be found by walking one
-- index alone (an index-only scan, lib/login-tokens/queries.ts) and skipping
-- thousands of entries without reading the table: page 10,000 then costs
-- index entries, not rows.

DROP INDEX "login_tokens_created_at_id_idx";
CREATE INDEX "login_tokens_created_at_id_idx" ON "login_tokens"("created_at" DESC, "id" DESC) INCLUDE ("deleted_at");

DROP INDEX "login_tokens_updated_at_id_idx";
CREATE INDEX "login_tokens_updated_at_id_idx" ON "login_tokens"("updated_at", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_expires_at_id_idx";
CREATE INDEX "login_tokens_expires_at_id_idx" ON "login_tokens"("expires_at", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_last_accessed_at_id_idx";
CREATE INDEX "login_tokens_last_accessed_at_id_idx" ON "login_tokens"("last_accessed_at" DESC NULLS LAST, "id" DESC) INCLUDE ("deleted_at");

DROP INDEX "login_tokens_successful_attempts_id_idx";
CREATE INDEX "login_tokens_successful_attempts_id_idx" ON "login_tokens"("successful_attempts", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_failed_attempts_id_idx";
CREATE INDEX "login_tokens_failed_attempts_id_idx" ON "login_tokens"("failed_attempts", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_user_name_id_idx";
CREATE INDEX "login_tokens_user_name_id_idx" ON "login_tokens"("user_name", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_user_type_id_idx";
CREATE INDEX "login_tokens_user_type_id_idx" ON "login_tokens"("user_type", "id") INCLUDE ("deleted_at");

DROP INDEX "login_tokens_one_time_use_id_idx";
CREATE INDEX "login_tokens_one_time_use_id_idx" ON "login_tokens"("one_time_use", "id") INCLUDE ("deleted_at");
