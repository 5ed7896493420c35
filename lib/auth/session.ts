import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";
import { refusalReason, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import { principalForSession } from "@/lib/staff/sessions";

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

/** For pages: sends strangers to sign in and answers 403 to staff without the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<SignedInStaff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (refusalReason(staff, permission)) forbidden();
  return staff;
}
