import type { UserTypeValue } from "@/lib/login-tokens/schemas";
import type { LoginTokenStatus } from "@/lib/login-tokens/status";
import type { PageLinks } from "@/lib/pagination";

// What the Login Tokens screen receives from the server: shapes only, so the
// client components can name them without importing server code.

/** A token's settings, as an editor sets them in the dialogs (and an integration through the API). */
export interface LoginTokenSettings {
  expiresAt: Date | null;
  oneTimeUse: boolean;
  /** Uses a reusable token allows; null: unlimited. */
  maxUses: number | null;
  /** Minutes it keeps working after its first use; null: until it expires. */
  useWindowMinutes: number | null;
  extra: string | null;
  referrer: string | null;
  redirectPath: string | null;
}

/** One row of the Login Tokens table: what the screen shows, never the secret columns. */
export interface LoginTokenRow {
  id: string;
  userName: string | null;
  userType: UserTypeValue | null;
  expiresAt: Date | null;
  lastAccessedAt: Date | null;
  successfulAttempts: number;
  failedAttempts: number;
  oneTimeUse: boolean;
  maxUses: number | null;
  extra: string | null;
  createdAt: Date;
  status: LoginTokenStatus;
  /** The procurement system whose punch-out minted the token. */
  punchoutBuyer: { id: string; name: string } | null;
}

/** A page of the table and how to reach it: the URL state a pagination control sets. */
export interface LoginTokenPageLink {
  page: number;
  cursor: string | null;
}

export interface LoginTokenPage {
  rows: LoginTokenRow[];
  /** Exact up to the cap; `totalIsCapped` says there are more than `total`. */
  total: number;
  totalIsCapped: boolean;
  /** The page these rows are: the URL's, unless the server found the page elsewhere (the last page, or the start of a list that shrank). */
  page: number;
  links: PageLinks<LoginTokenPageLink>;
}

/** Everything the edit dialog shows about one token; the secret only comes through a reveal. */
export interface LoginTokenDetails extends LoginTokenSettings {
  id: string;
  user: { type: UserTypeValue; id: number; name: string; email: string; company: string | null } | null;
  reason: string | null;
  successfulAttempts: number;
  failedAttempts: number;
  lastAccessedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  status: LoginTokenStatus;
}
