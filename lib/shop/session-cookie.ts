import "server-only";
import { parseCookie, stringifySetCookie } from "cookie";
import { env } from "@/lib/env";
import { pool } from "@/lib/pg";
import { END_SHOP_SESSION } from "@/lib/sql/end-shop-session";
import { hashSessionValue } from "@/lib/redemption/session-hash";

/**
 * The webshop session a login link opens: the cookie holds a random value,
 * the database only its SHA-256, so neither a copy of the table nor the logs
 * can sign anyone in. Outside plain-HTTP development the cookie is Secure and
 * carries the __Host- prefix, which pins it to this exact host.
 */
export function shopSessionCookie() {
  const secure = env().APP_URL.startsWith("https:");
  return {
    name: secure ? "__Host-latchkey-shop" : "latchkey-shop",
    options: { httpOnly: true, sameSite: "lax" as const, secure, path: "/" },
  };
}

/** The session cookie's value in a request's Cookie header, if any. */
export function shopSessionValueFrom(headers: Headers): string | undefined {
  const header = headers.get("cookie");
  return header ? parseCookie(header)[shopSessionCookie().name] : undefined;
}

/** The Set-Cookie header that hands the visitor a session, or (with null) takes it away. */
export function shopSessionSetCookie(session: { cookieValue: string; expiresAt: Date } | null): string {
  const { name, options } = shopSessionCookie();
  return session
    ? stringifySetCookie(name, session.cookieValue, { ...options, expires: session.expiresAt })
    : stringifySetCookie(name, "", { ...options, maxAge: 0 });
}

/** Ends the session a cookie value names (sign-out, or a new sign-in replacing it). */
export async function endShopSession(cookieValue: string | undefined): Promise<void> {
  if (!cookieValue) return;
  await pool().query({
    ...END_SHOP_SESSION,
    values: [Buffer.from(hashSessionValue(cookieValue))],
  });
}
