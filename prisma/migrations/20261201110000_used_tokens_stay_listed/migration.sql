-- A redeemed one-time token is no longer soft-deleted: it stays in the Login
-- Tokens list with its Used status, counters and last access until staff
-- delete it, and used_at alone stops it from redeeming again. The tokens used
-- before this change got deleted_at in the same statement as used_at (one
-- transaction, so the same now()); staff could never delete a used token, so
-- every used token with that stamp is one to bring back.
UPDATE "login_tokens" SET "deleted_at" = NULL WHERE "used_at" IS NOT NULL AND "deleted_at" = "used_at";

