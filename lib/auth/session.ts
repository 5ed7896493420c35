import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";
import { refusalReason, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

/** The signed-in staff member with roles fresh from the database, or null. Once per request. */
export const currentStaff = cache(async (): Promise<StaffPrincipal | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return db.staffUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, roles: true, viewer: true, administrator: true },
  });
});

/** For pages: sends strangers to sign in and answers 403 to staff without the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<StaffPrincipal> {
  const staff = await currentStaff();
  if (!staff) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (refusalReason(staff, permission)) forbidden();
  return staff;
}
