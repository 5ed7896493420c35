-- The nonce of every login link page proof that redeemed, kept until the proof
-- could no longer be used anyway, so that one proof redeems at most once.
CREATE TABLE "link_page_proofs" (
    "nonce" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "link_page_proofs_pkey" PRIMARY KEY ("nonce")
);
CREATE INDEX "link_page_proofs_expires_at_idx" ON "link_page_proofs"("expires_at");

-- What staff see of a webshop session opened by a token: where and with what
-- browser it was opened, and when it was last used (refreshed at most once a minute).
ALTER TABLE "shop_sessions" ADD COLUMN "ip" TEXT,
    ADD COLUMN "user_agent" TEXT,
    ADD COLUMN "last_seen_at" TIMESTAMPTZ(3);

-- A token may work N times (null: as one_time_use says), and for a window of
-- minutes after its first use (null: until it expires).
ALTER TABLE "login_tokens" ADD COLUMN "max_uses" INTEGER,
    ADD COLUMN "use_window_minutes" INTEGER;
