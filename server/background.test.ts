import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepExpired } from "./background";
import { issueTokenValue } from "@/lib/login-tokens/token-crypto";
import { testTokenKeys } from "@/test/factories";
import { createOwnDatabase } from "@/test/own-database";

// Its own database: the sweep works on whole tables.
let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createOwnDatabase("latchkey_housekeeping"), max: 2 });
});
afterAll(() => pool.end());

async function insertSession(tokenId: string, label: string, expiresIn: string) {
  await pool.query("INSERT INTO shop_sessions (session_hash, login_token_id, expires_at) VALUES ($1, $2, now() + $3::interval)", [
    Buffer.from(label),
    tokenId,
    expiresIn,
  ]);
}

async function insertCounter(key: string, windowAgo: string) {
  await pool.query("INSERT INTO rate_limit_counters (key, window_start, count) VALUES ($1, now() - $2::interval, 3)", [key, windowAgo]);
}

describe("sweepExpired", () => {
  it("deletes expired webshop sessions and ended throttle windows, and nothing that still counts", async () => {
    const { tokenHash, tokenCiphertext } = issueTokenValue(testTokenKeys);
    const { rows } = await pool.query<{ id: string }>("INSERT INTO login_tokens (token_hash, token_ciphertext) VALUES ($1, $2) RETURNING id", [
      Buffer.from(tokenHash),
      Buffer.from(tokenCiphertext),
    ]);
    const tokenId = rows[0]!.id;
    await insertSession(tokenId, "expired-yesterday", "-1 day");
    await insertSession(tokenId, "expired-just-now", "-1 second");
    await insertSession(tokenId, "live", "1 hour");
    // The longest window is 900 s (both throttles' default): a counter matters until its window has ended.
    await insertCounter("redeem:ip:192.0.2.1", "2 hours");
    await insertCounter("signin:account:old@example.com", "901 seconds");
    await insertCounter("redeem:ip:192.0.2.2", "10 minutes");
    await pool.query("INSERT INTO link_page_proofs (nonce, expires_at) VALUES ('\\x01', now() - interval '1 second'), ('\\x02', now() + interval '5 minutes')");

    expect(await sweepExpired(pool)).toEqual({ shopSessions: 2, linkPageProofs: 1, rateLimitCounters: 2 });
    const sessions = await pool.query<{ session_hash: Buffer }>("SELECT session_hash FROM shop_sessions");
    expect(sessions.rows.map((row) => row.session_hash.toString())).toEqual(["live"]);
    const counters = await pool.query<{ key: string }>("SELECT key FROM rate_limit_counters");
    expect(counters.rows.map((row) => row.key)).toEqual(["redeem:ip:192.0.2.2"]);

    const proofs = await pool.query<{ nonce: Buffer }>("SELECT nonce FROM link_page_proofs");
    expect(proofs.rows.map((row) => row.nonce.toString("hex"))).toEqual(["02"]);

    expect(await sweepExpired(pool)).toEqual({ shopSessions: 0, linkPageProofs: 0, rateLimitCounters: 0 });
  });
});
