-- CreateEnum
CREATE TYPE "UserType" AS ENUM ('CONTACT', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('CONFIGURATION', 'ORDERS', 'CATALOG');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STAFF', 'API_KEY', 'VISITOR', 'SYSTEM');

-- CreateTable
CREATE TABLE "companies" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" SERIAL NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "viewer" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" BYTEA NOT NULL,
    "token_ciphertext" BYTEA NOT NULL,
    "user_type" "UserType",
    "contact_id" INTEGER,
    "customer_id" INTEGER,
    "user_name" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "one_time_use" BOOLEAN NOT NULL DEFAULT false,
    "extra" VARCHAR(4000),
    "referrer" TEXT,
    "redirect_path" TEXT,
    "reason" VARCHAR(500),
    "successful_attempts" INTEGER NOT NULL DEFAULT 0,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "last_accessed_at" TIMESTAMPTZ(3),
    "used_at" TIMESTAMPTZ(3),
    "locked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_staff_id" UUID,
    "created_by_api_key_id" UUID,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "login_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_hash" BYTEA NOT NULL,
    "login_token_id" UUID NOT NULL,
    "user_type" "UserType",
    "contact_id" INTEGER,
    "customer_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shop_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" BYTEA NOT NULL,
    "created_by_staff_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "actor_type" "ActorType" NOT NULL,
    "actor_staff_id" UUID,
    "actor_api_key_id" UUID,
    "actor_label" TEXT,
    "login_token_id" UUID,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "companies_name_key" ON "companies"("name");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_email_key" ON "contacts"("email");

-- CreateIndex
CREATE INDEX "contacts_company_id_idx" ON "contacts"("company_id");

-- CreateIndex
CREATE INDEX "contacts_last_name_first_name_idx" ON "contacts"("last_name", "first_name");

-- CreateIndex
CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");

-- CreateIndex
CREATE INDEX "customers_last_name_first_name_idx" ON "customers"("last_name", "first_name");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "login_tokens_token_hash_key" ON "login_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "login_tokens_created_at_id_idx" ON "login_tokens"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "login_tokens_updated_at_id_idx" ON "login_tokens"("updated_at", "id");

-- CreateIndex
CREATE INDEX "login_tokens_expires_at_id_idx" ON "login_tokens"("expires_at", "id");

-- CreateIndex
CREATE INDEX "login_tokens_last_accessed_at_id_idx" ON "login_tokens"("last_accessed_at", "id");

-- CreateIndex
CREATE INDEX "login_tokens_successful_attempts_id_idx" ON "login_tokens"("successful_attempts", "id");

-- CreateIndex
CREATE INDEX "login_tokens_failed_attempts_id_idx" ON "login_tokens"("failed_attempts", "id");

-- CreateIndex
CREATE INDEX "login_tokens_user_name_id_idx" ON "login_tokens"("user_name", "id");

-- CreateIndex
CREATE INDEX "login_tokens_user_type_id_idx" ON "login_tokens"("user_type", "id");

-- CreateIndex
CREATE INDEX "login_tokens_one_time_use_id_idx" ON "login_tokens"("one_time_use", "id");

-- CreateIndex
CREATE INDEX "login_tokens_contact_id_created_at_idx" ON "login_tokens"("contact_id", "created_at");

-- CreateIndex
CREATE INDEX "login_tokens_customer_id_created_at_idx" ON "login_tokens"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "login_tokens_locked_at_idx" ON "login_tokens"("locked_at");

-- CreateIndex
CREATE UNIQUE INDEX "shop_sessions_session_hash_key" ON "shop_sessions"("session_hash");

-- CreateIndex
CREATE INDEX "shop_sessions_login_token_id_idx" ON "shop_sessions"("login_token_id");

-- CreateIndex
CREATE INDEX "shop_sessions_expires_at_idx" ON "shop_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_created_at_idx" ON "api_keys"("created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- CreateIndex
CREATE INDEX "audit_events_login_token_id_created_at_idx" ON "audit_events"("login_token_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_action_created_at_idx" ON "audit_events"("action", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_staff_id_created_at_idx" ON "audit_events"("actor_staff_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_actor_api_key_id_created_at_idx" ON "audit_events"("actor_api_key_id", "created_at");

-- CreateIndex
CREATE INDEX "rate_limit_counters_window_start_idx" ON "rate_limit_counters"("window_start");

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_created_by_staff_id_fkey" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_created_by_api_key_id_fkey" FOREIGN KEY ("created_by_api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_sessions" ADD CONSTRAINT "shop_sessions_login_token_id_fkey" FOREIGN KEY ("login_token_id") REFERENCES "login_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_sessions" ADD CONSTRAINT "shop_sessions_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_sessions" ADD CONSTRAINT "shop_sessions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_staff_id_fkey" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_staff_id_fkey" FOREIGN KEY ("actor_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_api_key_id_fkey" FOREIGN KEY ("actor_api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma's schema cannot say: a token must name exactly the person its
-- type says, the audit log is append-only, and the denormalised user_name
-- follows renames of contacts and customers.
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_user_check" CHECK (
    ("user_type" IS NULL AND "contact_id" IS NULL AND "customer_id" IS NULL)
    OR ("user_type" = 'CONTACT' AND "contact_id" IS NOT NULL AND "customer_id" IS NULL)
    OR ("user_type" = 'CUSTOMER' AND "customer_id" IS NOT NULL AND "contact_id" IS NULL)
);

CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE FUNCTION "login_tokens_follow_contact_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "login_tokens" SET "user_name" = NEW."first_name" || ' ' || NEW."last_name"
    WHERE "contact_id" = NEW."id";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "contacts_name_to_login_tokens"
    AFTER UPDATE OF "first_name", "last_name" ON "contacts"
    FOR EACH ROW EXECUTE FUNCTION "login_tokens_follow_contact_name"();

CREATE FUNCTION "login_tokens_follow_customer_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "login_tokens" SET "user_name" = NEW."first_name" || ' ' || NEW."last_name"
    WHERE "customer_id" = NEW."id";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "customers_name_to_login_tokens"
    AFTER UPDATE OF "first_name", "last_name" ON "customers"
    FOR EACH ROW EXECUTE FUNCTION "login_tokens_follow_customer_name"();
