-- A staff member who was invited but has not chosen a password yet has none;
-- signing in with a password is refused until they do.
ALTER TABLE "staff_users" ALTER COLUMN "password_hash" DROP NOT NULL;
ALTER TABLE "staff_users" ADD COLUMN "deactivated_at" TIMESTAMPTZ(3);
ALTER TABLE "staff_users" ADD COLUMN "last_sign_in_at" TIMESTAMPTZ(3);
-- The TOTP secret is encrypted like token values; recovery codes are stored
-- as hashes. The last accepted step refuses a code used again within it.
ALTER TABLE "staff_users" ADD COLUMN "totp_secret_ciphertext" BYTEA;
ALTER TABLE "staff_users" ADD COLUMN "totp_last_step" BIGINT;
ALTER TABLE "staff_users" ADD COLUMN "recovery_code_hashes" BYTEA[] DEFAULT '{}';

-- Every staff session is a row: the next-auth cookie carries only its id, and
-- the guard refuses a cookie whose row is gone, so ending a session (sign out,
-- deactivation, password reset) takes effect on every instance at once.
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL DEFAULT uuidv7(),
    "staff_user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_sessions_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "staff_sessions_staff_user_id_idx" ON "staff_sessions"("staff_user_id");

-- Set-password links (first-run set-up, invitations, password resets). Only
-- the SHA-256 of the secret is stored. A set-up link has no staff user yet:
-- whoever uses it creates the first administrator.
CREATE TABLE "staff_password_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "secret_hash" BYTEA NOT NULL,
    "staff_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "staff_password_links_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_password_links_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "staff_password_links_secret_hash_key" ON "staff_password_links"("secret_hash");
CREATE INDEX "staff_password_links_staff_user_id_idx" ON "staff_password_links"("staff_user_id");
