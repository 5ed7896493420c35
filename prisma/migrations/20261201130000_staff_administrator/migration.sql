-- Administrators manage staff (and hold every other rule marked for them).
-- Separate from the roles: a role grants work on a part of the shop, this
-- grants authority over the people who do it.
ALTER TABLE "staff_users" ADD COLUMN "administrator" BOOLEAN NOT NULL DEFAULT false;
