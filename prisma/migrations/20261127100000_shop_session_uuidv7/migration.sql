-- Every redemption through the login link opens a session. A time-ordered id
-- (PostgreSQL 18's uuidv7) puts each new primary key entry at the right edge
-- of the index instead of on a random page of it. The id never leaves the
-- server (the cookie carries another random value), so its timestamp tells
-- nobody anything.
ALTER TABLE "shop_sessions" ALTER COLUMN "id" SET DEFAULT uuidv7();
