import type { StaffRole } from "@/lib/generated/prisma/enums";

/** What the guard knows about the person behind a request, read fresh from the database. */
export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  viewer: boolean;
  administrator: boolean;
  /** REQUIRE_STAFF_MFA asks this person for a second factor they have not set up: only their own account is open to them. */
  mfaSetupRequired?: boolean;
}

/**
 * A rule held through a role (`write` ones are refused to viewers: a viewer
 * who could copy a secret could impersonate), or one held by administrators,
 * whatever their roles: authority over people, not work on the shop. An
 * own-account rule is held by every signed-in staff member, for themselves.
 */
type Rule = { role: StaffRole; write: boolean } | { admin: true; does: string } | { ownAccount: true };

/** The one permission table. */
export const PERMISSIONS = {
  "loginTokens.read": { role: "CONFIGURATION", write: false },
  "loginTokens.write": { role: "CONFIGURATION", write: true },
  "loginTokens.reveal": { role: "CONFIGURATION", write: true },
  "apiKeys.manage": { role: "CONFIGURATION", write: true },
  "auditLog.read": { role: "CONFIGURATION", write: false },
  "staff.manage": { admin: true, does: "manage staff" },
  "account.manage": { ownAccount: true },
  "people.read": { role: "CONFIGURATION", write: false },
  "people.manage": { role: "CONFIGURATION", write: true },
  "impersonation.override": { admin: true, does: "sign in as people who do not allow assistance" },
  "punchoutBuyers.manage": { role: "CONFIGURATION", write: true },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** Why `staff` may not do `permission`, or null when it may. */
export function refusalReason(staff: StaffPrincipal | null, permission: Permission): string | null {
  if (!staff) return "You are not signed in.";
  const rule: Rule = PERMISSIONS[permission];
  if ("ownAccount" in rule) return null;
  if (staff.mfaSetupRequired) return "Set up two-factor authentication in My account first.";
  if ("admin" in rule) return staff.administrator ? null : `Only administrators can ${rule.does}.`;
  if (!staff.roles.includes(rule.role)) return "You need the Configuration role for this.";
  if (rule.write && staff.viewer) return "Your access is read-only.";
  return null;
}

export function can(staff: StaffPrincipal | null, permission: Permission): boolean {
  return refusalReason(staff, permission) === null;
}
