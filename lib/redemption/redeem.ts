import "server-only";
import { randomBytes } from "node:crypto";
import { LAST_USED_RESOLUTION_SECONDS } from "@/lib/api-keys/principal";
import { env } from "@/lib/env";
import { hashTokenValue, isWellFormedTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import type { TokenUser } from "@/lib/login-tokens/users";
import { pool } from "@/lib/pg";
import { readableDate } from "@/lib/readable-date";
import { REDEEM_LOGIN_TOKEN } from "@/lib/sql/redeem-login-token";
import { hashSessionValue } from "@/lib/redemption/session-hash";
import type { RequestMeta } from "@/lib/request-meta";

export interface RedeemRequest {
  /** Untrusted: whatever the link or the API carried. */
  value: unknown;
  /** The origin the browser came from, when known (the login link's GET Referer, or the API's `referrer`). */
  origin: string | null;
  meta: RequestMeta;
  /** The login link opens a webshop session; the API only answers who it is. */
  openSession: boolean;
  channel: "link" | "api";
  /**
   * Through the API, the hash of the key the request came with: the statement
   * then redeems nothing, and counts nothing, unless it names a live key.
   */
  apiKeyHash?: Uint8Array;
  /**
   * Whose failures the throttle counts: the visitor's address for the login
   * link, the API key for the API (a webshop's server redeems for all its visitors).
   */
  throttleKey: string;
  /** The login link's page proof, claimed by the statement so that it redeems at most once. */
  pageProof?: { nonce: Buffer; expiresAt: Date };
}

export interface RedeemedToken {
  id: string;
  user: TokenUser | null;
  extra: string | null;
  expiresAt: Date | null;
  oneTimeUse: boolean;
  redirectPath: string | null;
  reason: string | null;
  createdByStaffName: string | null;
}

export type RedeemResult =
  | { outcome: "redeemed"; token: RedeemedToken; session: { cookieValue: string; expiresAt: Date } | null }
  /** One answer for unknown, malformed, expired, used, deleted, locked and wrong-origin tokens. */
  | { outcome: "refused" }
  | { outcome: "throttled"; retryAfterSeconds: number }
  /** The page proof was used before: nothing was changed. */
  | { outcome: "replayed" }
  /** The API key named no live key: nothing was changed. */
  | { outcome: "unauthenticated" };

interface RedeemRow {
  blocked: boolean;
  key_refused: boolean;
  replayed: boolean;
  retry_after: number;
  id: string | null;
  user_type: "CONTACT" | "CUSTOMER" | null;
  contact_id: number | null;
  customer_id: number | null;
  extra: string | null;
  expires_at: Date | null;
  one_time_use: boolean | null;
  redirect_path: string | null;
  reason: string | null;
  session_expires_at: Date | null;
  user_name: string | null;
  user_email: string | null;
  company_name: string | null;
  created_by_staff_name: string | null;
}

export async function redeemLoginToken(request: RedeemRequest): Promise<RedeemResult> {
  // A value that cannot be a token is refused before any lookup.
  if (!isWellFormedTokenValue(request.value)) return { outcome: "refused" };
  const config = env();
  const sessionValue = request.openSession ? randomBytes(32).toString("base64url") : null;

  const { rows } = await pool().query<RedeemRow>({
    ...REDEEM_LOGIN_TOKEN,
    values: [
      Buffer.from(hashTokenValue(request.value, tokenKeys())),
      request.origin,
      `redeem:${request.throttleKey}`,
      config.REDEEM_THROTTLE_WINDOW_SECONDS,
      config.REDEEM_THROTTLE_MAX_FAILURES,
      config.TOKEN_LOCKOUT_FAILURES,
      sessionValue ? hashSessionValue(sessionValue) : null,
      config.SHOP_SESSION_HOURS,
      request.meta.ip,
      request.meta.userAgent,
      request.channel,
      request.apiKeyHash ? Buffer.from(request.apiKeyHash) : null,
      LAST_USED_RESOLUTION_SECONDS,
      request.pageProof?.nonce ?? null,
      request.pageProof?.expiresAt ?? null,
      config.IMPERSONATION_SESSION_MINUTES,
    ],
  });
  const row = rows[0];
  if (!row) throw new Error("Redemption returned no row");
  if (row.key_refused) return { outcome: "unauthenticated" };
  if (row.replayed) return { outcome: "replayed" };
  if (row.blocked) return { outcome: "throttled", retryAfterSeconds: Math.max(1, row.retry_after) };
  if (!row.id) return { outcome: "refused" };

  const userId = row.contact_id ?? row.customer_id;
  return {
    outcome: "redeemed",
    token: {
      id: row.id,
      user:
        row.user_type && userId ? { type: row.user_type, id: userId, name: row.user_name ?? "", email: row.user_email ?? "", company: row.company_name } : null,
      extra: row.extra,
      // After the token was consumed nothing may fail: a date past what JavaScript can show reads clamped.
      expiresAt: row.expires_at && readableDate(row.expires_at),
      oneTimeUse: row.one_time_use ?? false,
      redirectPath: row.redirect_path,
      reason: row.reason,
      createdByStaffName: row.created_by_staff_name,
    },
    session: sessionValue && row.session_expires_at ? { cookieValue: sessionValue, expiresAt: row.session_expires_at } : null,
  };
}
