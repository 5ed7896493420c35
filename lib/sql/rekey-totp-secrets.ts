/** Every staff member's sealed TOTP secret. */
export const READ_TOTP_SECRETS = "SELECT id, totp_secret_ciphertext AS sealed FROM staff_users WHERE totp_secret_ciphertext IS NOT NULL";

/**
 * Stores one staff member's TOTP secret sealed under the new key.
 *
 * $1 the staff member's id  $2 the new ciphertext
 */
export const REKEY_TOTP_SECRET = "UPDATE staff_users SET totp_secret_ciphertext = $2 WHERE id = $1";
