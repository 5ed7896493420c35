-- "Most recently accessed first" lists never-accessed tokens last, and the
-- ascending order (read backwards) lists them first; both served by one index.
DROP INDEX "login_tokens_last_accessed_at_id_idx";
CREATE INDEX "login_tokens_last_accessed_at_id_idx" ON "login_tokens"("last_accessed_at" DESC NULLS LAST, "id" DESC);

-- CreateIndex
CREATE INDEX "login_tokens_used_at_idx" ON "login_tokens"("used_at");
