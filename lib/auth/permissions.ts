import type { StaffRole } from "@/lib/generated/prisma/enums";

/** What the guard knows about the person behind a request, read fresh from the database. */
export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  roles: StaffRole[];
  viewer: boolean;
}

/**
 * The one permission table (DESIGN.md section 3). `write` permissions are
 * refused to viewers: a viewer who could copy a secret could impersonate.
 */
export const PERMISSIONS = {
  "loginTokens.read": { role: "CONFIGURATION", write: false },
  "loginTokens.write": { role: "CONFIGURATION", write: true },
  "loginTokens.reveal": { role: "CONFIGURATION", write: true },
  "apiKeys.manage": { role: "CONFIGURATION", write: true },
  "auditLog.read": { role: "CONFIGURATION", write: false },
  "punchoutBuyers.manage": { role: "CONFIGURATION", write: true },
} as const satisfies Record<string, { role: StaffRole; write: boolean }>;

export type Permission = keyof typeof PERMISSIONS;

/** Why `staff` may not do `permission`, or null when it may. */
export function refusalReason(staff: StaffPrincipal | null, permission: Permission): string | null {
  if (!staff) return "You are not signed in.";
  const rule = PERMISSIONS[permission];
  if (!staff.roles.includes(rule.role)) return "You need the Configuration role for this.";
  if (rule.write && staff.viewer) return "Your access is read-only.";
  return null;
}

export function can(staff: StaffPrincipal | null, permission: Permission): boolean {
  return refusalReason(staff, permission) === null;
}
