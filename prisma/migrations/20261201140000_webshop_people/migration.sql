-- The webshop's people are the webshop's: their ids are the webshop's own
-- (set by the sync API and the import, never handed out here), they can be
-- deactivated without losing their tokens' history, and each carries whether
-- staff may sign in as them (assistance).
ALTER TABLE "companies" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE "companies_id_seq";
ALTER TABLE "contacts" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE "contacts_id_seq";
ALTER TABLE "customers" ALTER COLUMN "id" DROP DEFAULT;
DROP SEQUENCE "customers_id_seq";

-- Company names are what people read, not what identifies a company: two
-- customers of the shop may well be called alike.
DROP INDEX "companies_name_key";

ALTER TABLE "companies"
    ADD COLUMN "assistance_allowed" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "contacts"
    ADD COLUMN "assistance_allowed" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "deactivated_at" TIMESTAMPTZ(3),
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "customers"
    ADD COLUMN "assistance_allowed" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "deactivated_at" TIMESTAMPTZ(3),
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Search is by prefix, case-insensitive: of the email (stored lower-cased),
-- of the full name ("cora jan…", which also covers the first name) and of the
-- last name; text_pattern_ops so LIKE 'x%' is an index range in any collation.
CREATE INDEX "companies_name_search_idx" ON "companies" (lower("name") text_pattern_ops);
CREATE INDEX "contacts_email_search_idx" ON "contacts" ("email" text_pattern_ops);
CREATE INDEX "contacts_full_name_search_idx" ON "contacts" (lower("first_name" || ' ' || "last_name") text_pattern_ops);
CREATE INDEX "contacts_last_name_search_idx" ON "contacts" (lower("last_name") text_pattern_ops);
CREATE INDEX "customers_email_search_idx" ON "customers" ("email" text_pattern_ops);
CREATE INDEX "customers_full_name_search_idx" ON "customers" (lower("first_name" || ' ' || "last_name") text_pattern_ops);
CREATE INDEX "customers_last_name_search_idx" ON "customers" (lower("last_name") text_pattern_ops);

-- The lists are in name order with the id as tie-breaker, so the keyset of a
-- page is unique; a company's contacts are read in that order too.
DROP INDEX "contacts_last_name_first_name_idx";
DROP INDEX "customers_last_name_first_name_idx";
DROP INDEX "contacts_company_id_idx";
CREATE INDEX "contacts_last_name_first_name_id_idx" ON "contacts" ("last_name", "first_name", "id");
CREATE INDEX "customers_last_name_first_name_id_idx" ON "customers" ("last_name", "first_name", "id");
CREATE INDEX "contacts_company_id_last_name_first_name_id_idx" ON "contacts" ("company_id", "last_name", "first_name", "id");
-- The few deactivated people, in the same order, without walking the active ones.
CREATE INDEX "contacts_deactivated_name_idx" ON "contacts" ("last_name", "first_name", "id") WHERE "deactivated_at" IS NOT NULL;
CREATE INDEX "customers_deactivated_name_idx" ON "customers" ("last_name", "first_name", "id") WHERE "deactivated_at" IS NOT NULL;

-- A sync rewrites many rows whose names did not change: the copy of the name
-- on their tokens is refreshed only when it did.
DROP TRIGGER "contacts_name_to_login_tokens" ON "contacts";
CREATE TRIGGER "contacts_name_to_login_tokens"
    AFTER UPDATE OF "first_name", "last_name" ON "contacts"
    FOR EACH ROW
    WHEN (OLD."first_name" IS DISTINCT FROM NEW."first_name" OR OLD."last_name" IS DISTINCT FROM NEW."last_name")
    EXECUTE FUNCTION "login_tokens_follow_contact_name"();
DROP TRIGGER "customers_name_to_login_tokens" ON "customers";
CREATE TRIGGER "customers_name_to_login_tokens"
    AFTER UPDATE OF "first_name", "last_name" ON "customers"
    FOR EACH ROW
    WHEN (OLD."first_name" IS DISTINCT FROM NEW."first_name" OR OLD."last_name" IS DISTINCT FROM NEW."last_name")
    EXECUTE FUNCTION "login_tokens_follow_customer_name"();
