-- A session opened through the identity provider: its second factor is the
-- provider's business, so REQUIRE_STAFF_MFA does not ask it for one of Latchkey's.
ALTER TABLE "staff_sessions" ADD COLUMN "via_single_sign_on" BOOLEAN NOT NULL DEFAULT false;
