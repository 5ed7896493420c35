-- The values a token had before it was rotated, as their hashes, so that a
-- redemption of an old value is recorded against its token as "rotated"
-- instead of as a value no token has.
CREATE TABLE "rotated_token_hashes" (
    "token_hash" BYTEA NOT NULL,
    "login_token_id" UUID NOT NULL,
    "rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rotated_token_hashes_pkey" PRIMARY KEY ("token_hash")
);
CREATE INDEX "rotated_token_hashes_login_token_id_idx" ON "rotated_token_hashes"("login_token_id");
ALTER TABLE "rotated_token_hashes" ADD CONSTRAINT "rotated_token_hashes_login_token_id_fkey" FOREIGN KEY ("login_token_id") REFERENCES "login_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;
