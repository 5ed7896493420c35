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
