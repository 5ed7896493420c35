// The login token columns a test may set, shared by the unit-test factory
// (test/factories.ts, through Prisma, which takes the camelCase keys) and the
// end-to-end fixtures (e2e/fixtures/data.ts, through SQL, which takes the
// column names). Plain TypeScript (its one import is of types, erased):
// Playwright's loader imports it too.
import type { LoginTokenDetails, LoginTokenSettings } from "../lib/login-tokens/list-types";

/** Each settable column, by its Prisma field name. */
export const TOKEN_COLUMNS = {
  contactId: "contact_id",
  customerId: "customer_id",
  userName: "user_name",
  expiresAt: "expires_at",
  oneTimeUse: "one_time_use",
  maxUses: "max_uses",
  useWindowMinutes: "use_window_minutes",
  extra: "extra",
  referrer: "referrer",
  redirectPath: "redirect_path",
  reason: "reason",
  successfulAttempts: "successful_attempts",
  failedAttempts: "failed_attempts",
  lastAccessedAt: "last_accessed_at",
  createdAt: "created_at",
  updatedAt: "updated_at",
  lockedAt: "locked_at",
  deletedAt: "deleted_at",
  createdByStaffId: "created_by_staff_id",
} as const;

interface TokenColumnValues
  extends LoginTokenSettings, Pick<LoginTokenDetails, "reason" | "successfulAttempts" | "failedAttempts" | "lastAccessedAt" | "createdAt" | "updatedAt"> {
  contactId: number;
  customerId: number;
  userName: string;
  lockedAt: Date | null;
  deletedAt: Date | null;
  createdByStaffId: string;
}

/** What a test may set on a token it makes; the holder's type follows from contactId or customerId. */
export type TokenOverrides = Partial<{ [Column in keyof typeof TOKEN_COLUMNS]: TokenColumnValues[Column] }>;

/** The holder type a token with these overrides has. */
export const userTypeOf = (overrides: TokenOverrides) => (overrides.contactId ? "CONTACT" : overrides.customerId ? "CUSTOMER" : null);

// Not a real hash: staff made by a factory or fixture sign in through a saved or mocked session, never with this.
export const NO_PASSWORD = "$argon2id$v=19$m=19456,t=2,p=1$none$none";
