/**
 * The next batch of stored tokens to re-key, in id order.
 *
 * $1 the last id of the previous batch  $2 the batch's size
 */
export const READ_TOKEN_CIPHERTEXTS = "SELECT id, token_ciphertext FROM login_tokens WHERE id > $1 ORDER BY id LIMIT $2";

/**
 * Stores a batch of tokens' new hashes and ciphertexts in one statement.
 *
 * $1 the ids  $2 their new hashes  $3 their new ciphertexts, in the same order
 */
export const REKEY_LOGIN_TOKENS = `
UPDATE login_tokens t SET token_hash = b.token_hash, token_ciphertext = b.token_ciphertext
FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) AS b(id, token_hash, token_ciphertext)
WHERE t.id = b.id`;

/**
 * Removes the hashes of rotated-away values that are not under the new HMAC
 * key: they can never match again, and without the values they cannot be
 * re-hashed. A hash without a key id (from before they were kept) counts as
 * the old key's, the one the app ran with until now.
 *
 * $1 the new HMAC key's id  $2 the old HMAC key's id
 */
export const FORGET_RETIRED_ROTATED_HASHES = "DELETE FROM rotated_token_hashes WHERE COALESCE(hmac_key_id, $2::bytea) <> $1::bytea";
