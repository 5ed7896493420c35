-- Punch-out: procurement systems of customer companies sign their buyers in
-- through OCI or cXML, and the shop returns the cart to them.
CREATE TYPE "PunchoutProtocol" AS ENUM ('OCI', 'CXML');

-- A buyer's credentials: the OCI username (with the field names that buyer
-- posts) or the cXML Sender identity, and an argon2id hash of the password or
-- shared secret. Return origins are exact origins (scheme, host, port).
CREATE TABLE "punchout_buyers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "protocol" "PunchoutProtocol" NOT NULL,
    "company_id" INTEGER NOT NULL,
    "contact_id" INTEGER,
    "oci_username" TEXT,
    "oci_username_field" TEXT,
    "oci_password_field" TEXT,
    "cxml_domain" TEXT,
    "cxml_identity" TEXT,
    "secret_hash" TEXT NOT NULL,
    -- Nullable like every list column Prisma maps; the CHECK below keeps it filled.
    "return_origins" TEXT[],
    "created_by_staff_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "punchout_buyers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "punchout_buyers_return_origins_check" CHECK ("return_origins" IS NOT NULL AND cardinality("return_origins") >= 1),
    CONSTRAINT "punchout_buyers_credentials_check" CHECK (
        ("protocol" = 'OCI' AND "oci_username" IS NOT NULL AND "oci_username_field" IS NOT NULL AND "oci_password_field" IS NOT NULL
            AND "cxml_domain" IS NULL AND "cxml_identity" IS NULL)
        OR ("protocol" = 'CXML' AND "cxml_domain" IS NOT NULL AND "cxml_identity" IS NOT NULL
            AND "oci_username" IS NULL AND "oci_username_field" IS NULL AND "oci_password_field" IS NULL)
    )
);

CREATE UNIQUE INDEX "punchout_buyers_oci_username_key" ON "punchout_buyers"("oci_username");
CREATE UNIQUE INDEX "punchout_buyers_cxml_domain_cxml_identity_key" ON "punchout_buyers"("cxml_domain", "cxml_identity");
CREATE INDEX "punchout_buyers_company_id_idx" ON "punchout_buyers"("company_id");

ALTER TABLE "punchout_buyers" ADD CONSTRAINT "punchout_buyers_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "punchout_buyers" ADD CONSTRAINT "punchout_buyers_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "punchout_buyers" ADD CONSTRAINT "punchout_buyers_created_by_staff_id_fkey" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One punch-out: the one-time login token it started with, where the cart
-- goes back (validated against the buyer's origins at setup) and what the
-- procurement system asked to get back with it. Ends when the cart is transferred.
CREATE TABLE "punchout_sessions" (
    "id" UUID NOT NULL DEFAULT uuidv7(),
    "buyer_id" UUID NOT NULL,
    "login_token_id" UUID NOT NULL,
    "protocol" "PunchoutProtocol" NOT NULL,
    "return_url" TEXT NOT NULL,
    "buyer_cookie" TEXT,
    "oci_target" TEXT,
    "extrinsics" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "transferred_at" TIMESTAMPTZ(3),
    CONSTRAINT "punchout_sessions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "punchout_sessions_login_token_id_key" ON "punchout_sessions"("login_token_id");
CREATE INDEX "punchout_sessions_buyer_id_created_at_idx" ON "punchout_sessions"("buyer_id", "created_at");

ALTER TABLE "punchout_sessions" ADD CONSTRAINT "punchout_sessions_buyer_id_fkey" FOREIGN KEY ("buyer_id") REFERENCES "punchout_buyers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "punchout_sessions" ADD CONSTRAINT "punchout_sessions_login_token_id_fkey" FOREIGN KEY ("login_token_id") REFERENCES "login_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The cart of a punch-out, by catalogue SKU.
CREATE TABLE "punchout_cart_items" (
    "punchout_session_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "punchout_cart_items_pkey" PRIMARY KEY ("punchout_session_id", "sku"),
    CONSTRAINT "punchout_cart_items_quantity_check" CHECK ("quantity" BETWEEN 1 AND 9999)
);

ALTER TABLE "punchout_cart_items" ADD CONSTRAINT "punchout_cart_items_punchout_session_id_fkey" FOREIGN KEY ("punchout_session_id") REFERENCES "punchout_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
