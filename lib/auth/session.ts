import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";
import { PERMISSIONS, refusalReason, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import { principalForSession } from "@/lib/staff/sessions";

export const ACCOUNT_PATH = "/account";

export type SignedInStaff = StaffPrincipal & { sessionId: string };

/**
 * The signed-in staff member with roles fresh from the database, or null.
 * Once per request. The cookie only names a session row: one that was ended,
 * expired, or belongs to a deactivated staff member signs nobody in.
 */
export const currentStaff = cache(async (): Promise<SignedInStaff | null> => {
  const session = await getServerSession(authOptions);
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  return principalForSession(sessionId);
});

/**
 * Why this request's page was refused, from the permission table: the 403
 * page, rendered in the same request, says it instead of guessing.
 */
export const pageRefusal = cache((): { reason: string | null } => ({ reason: null }));

/** For pages: sends strangers to sign in and answers 403, with the reason, to staff without the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<SignedInStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  // For comfort only: the permission check below, and every action's, refuses them anyway.
  if (staff.mfaSetupRequired && !("ownAccount" in PERMISSIONS[permission])) redirect(ACCOUNT_PATH);
  const reason = refusalReason(staff, permission);
  if (reason) {
    pageRefusal().reason = reason;
    forbidden();
  }
  return staff;
}
