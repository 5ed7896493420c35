-- The Max uses filter (once / N times / unlimited) reads max_uses beside
-- one_time_use: "N times" is max_uses IS NOT NULL and "unlimited" IS NULL,
-- both index conditions here, under the condition of every view.
CREATE INDEX "login_tokens_max_uses_id_idx" ON "login_tokens"("max_uses", "id") WHERE "deleted_at" IS NULL;
