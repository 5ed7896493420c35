-- Which HMAC key an old value's hash was made under. An HMAC cannot be
-- re-keyed without the value, and old values are not kept, so `npm run
-- keys:rotate` removes the hashes that are not under the new key; the key id
-- tells them apart from those made since, whatever order runs happen in.
-- Rows from before this column have none: they are under the key of their day,
-- which the next key rotation retires.
ALTER TABLE "rotated_token_hashes" ADD COLUMN "hmac_key_id" BYTEA;
