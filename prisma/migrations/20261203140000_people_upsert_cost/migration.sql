-- What a batch upsert pays per row: every index of the table, and the
-- trigger that copies a changed name onto the person's tokens.

-- Each email had two indexes: the unique one and a text_pattern_ops one for
-- prefix search. A unique index with text_pattern_ops is both (its equality is
-- the same), so a row enters one email index instead of two.
CREATE UNIQUE INDEX "contacts_email_key_prefix" ON "contacts" ("email" text_pattern_ops);
DROP INDEX "contacts_email_key";
DROP INDEX "contacts_email_search_idx";
ALTER INDEX "contacts_email_key_prefix" RENAME TO "contacts_email_key";

CREATE UNIQUE INDEX "customers_email_key_prefix" ON "customers" ("email" text_pattern_ops);
DROP INDEX "customers_email_key";
DROP INDEX "customers_email_search_idx";
ALTER INDEX "customers_email_key_prefix" RENAME TO "customers_email_key";

-- The name follows once per statement, not once per row: one join of the
-- statement's old and new rows against the tokens of those renamed, where a
-- row trigger ran one UPDATE of login_tokens for each renamed person.
DROP TRIGGER "contacts_name_to_login_tokens" ON "contacts";
DROP TRIGGER "customers_name_to_login_tokens" ON "customers";
DROP FUNCTION "login_tokens_follow_contact_name"();
DROP FUNCTION "login_tokens_follow_customer_name"();

CREATE FUNCTION "login_tokens_follow_contact_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "login_tokens" t SET "user_name" = n."first_name" || ' ' || n."last_name"
    FROM "renamed_new" n JOIN "renamed_old" o ON o."id" = n."id"
    WHERE t."contact_id" = n."id" AND (o."first_name", o."last_name") IS DISTINCT FROM (n."first_name", n."last_name");
    RETURN NULL;
END $$;
CREATE TRIGGER "contacts_name_to_login_tokens"
    AFTER UPDATE ON "contacts"
    REFERENCING OLD TABLE AS "renamed_old" NEW TABLE AS "renamed_new"
    FOR EACH STATEMENT EXECUTE FUNCTION "login_tokens_follow_contact_names"();

CREATE FUNCTION "login_tokens_follow_customer_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "login_tokens" t SET "user_name" = n."first_name" || ' ' || n."last_name"
    FROM "renamed_new" n JOIN "renamed_old" o ON o."id" = n."id"
    WHERE t."customer_id" = n."id" AND (o."first_name", o."last_name") IS DISTINCT FROM (n."first_name", n."last_name");
    RETURN NULL;
END $$;
CREATE TRIGGER "customers_name_to_login_tokens"
    AFTER UPDATE ON "customers"
    REFERENCING OLD TABLE AS "renamed_old" NEW TABLE AS "renamed_new"
    FOR EACH STATEMENT EXECUTE FUNCTION "login_tokens_follow_customer_names"();
