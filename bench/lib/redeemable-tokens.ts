// Live one-time tokens whose values the benchmark knows, so that every
// request of a redemption run consumes a distinct token. Values stay in this
// process's memory only; the table holds their HMAC and ciphertext, as always.
import type pg from "pg";
import { issueTokenValue, type TokenKeys } from "@/lib/login-tokens/token-crypto";

const BATCH = 10_000;

interface Holder {
  userType: "CONTACT" | "CUSTOMER" | null;
  contactId: number | null;
  customerId: number | null;
  userName: string | null;
}

async function holders(client: pg.PoolClient): Promise<Holder[]> {
  const { rows } = await client.query<Holder>(`
    (SELECT 'CONTACT' AS "userType", id AS "contactId", NULL::int AS "customerId", first_name || ' ' || last_name AS "userName" FROM contacts ORDER BY id LIMIT 50)
    UNION ALL
    (SELECT 'CUSTOMER', NULL, id, first_name || ' ' || last_name FROM customers ORDER BY id LIMIT 50)`);
  // Anonymous punch-out tokens too, about one in five as in the large seed.
  return [
    ...rows,
    ...Array.from({ length: Math.max(1, Math.ceil(rows.length / 4)) }, () => ({ userType: null, contactId: null, customerId: null, userName: null })),
  ];
}

/** Inserts `count` live, never-expiring one-time tokens and returns their values. */
export async function issueRedeemableTokens(pool: pg.Pool, keys: TokenKeys, count: number): Promise<string[]> {
  const client = await pool.connect();
  try {
    const people = await holders(client);
    const values: string[] = [];
    for (let start = 0; start < count; start += BATCH) {
      const size = Math.min(BATCH, count - start);
      const columns: unknown[][] = [[], [], [], [], [], []];
      for (let i = 0; i < size; i++) {
        const { value, tokenHash, tokenCiphertext } = issueTokenValue(keys);
        const holder = people[(start + i) % people.length]!;
        values.push(value);
        [Buffer.from(tokenHash), Buffer.from(tokenCiphertext), holder.userType, holder.contactId, holder.customerId, holder.userName].forEach((cell, c) =>
          columns[c]!.push(cell),
        );
      }
      await client.query(
        `INSERT INTO login_tokens (token_hash, token_ciphertext, user_type, contact_id, customer_id, user_name, one_time_use, extra)
         SELECT h, c, t, co, cu, n, true, 'benchmark' FROM unnest($1::bytea[], $2::bytea[], $3::"UserType"[], $4::int[], $5::int[], $6::text[]) AS u(h, c, t, co, cu, n)`,
        columns,
      );
    }
    return values;
  } finally {
    client.release();
  }
}
