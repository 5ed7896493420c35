-- A punch-out buyer can be disabled (its credentials refused, re-enabled
-- later) and deleted. A deleted buyer keeps its row, so that its punch-outs,
-- their tokens and the audit log still name it, but loses its credentials:
-- nothing it presented can match again, and its username or identity is free.
ALTER TABLE "punchout_buyers"
    ADD COLUMN "disabled_at" TIMESTAMPTZ(3),
    ADD COLUMN "deleted_at" TIMESTAMPTZ(3),
    ALTER COLUMN "secret_hash" DROP NOT NULL;

ALTER TABLE "punchout_buyers" DROP CONSTRAINT "punchout_buyers_credentials_check";
ALTER TABLE "punchout_buyers" ADD CONSTRAINT "punchout_buyers_credentials_check" CHECK (
    ("deleted_at" IS NOT NULL AND "secret_hash" IS NULL AND "oci_username" IS NULL AND "cxml_domain" IS NULL AND "cxml_identity" IS NULL)
    OR ("deleted_at" IS NULL AND "secret_hash" IS NOT NULL AND (
        ("protocol" = 'OCI' AND "oci_username" IS NOT NULL AND "oci_username_field" IS NOT NULL AND "oci_password_field" IS NOT NULL
            AND "cxml_domain" IS NULL AND "cxml_identity" IS NULL)
        OR ("protocol" = 'CXML' AND "cxml_domain" IS NOT NULL AND "cxml_identity" IS NOT NULL
            AND "oci_username" IS NULL AND "oci_username_field" IS NULL AND "oci_password_field" IS NULL)
    ))
);
