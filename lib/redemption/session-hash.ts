// Pure, without server-only, so that test fixtures can find a session row by its cookie.
import { createHash } from "node:crypto";

/** What `shop_sessions.session_hash` stores of a webshop session cookie value. */
export const hashSessionValue = (value: string) => createHash("sha256").update(value).digest();
