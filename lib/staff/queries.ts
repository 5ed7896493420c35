import "server-only";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { StaffSearchParams } from "@/lib/staff/search-params";

export type StaffStatus = "active" | "invited" | "deactivated";

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
  viewer: boolean;
  administrator: boolean;
  mfa: boolean;
  lastSignInAt: Date | null;
  status: StaffStatus;
}

export interface StaffPage {
  rows: StaffRow[];
  total: number;
}

/** One page of staff, by name; the staff list of an installation is short, so the count is exact. */
export async function listStaff({ page, perPage }: StaffSearchParams): Promise<StaffPage> {
  const [rows, total] = await Promise.all([
    db.staffUser.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        name: true,
        email: true,
        roles: true,
        viewer: true,
        administrator: true,
        passwordHash: true,
        totpSecretCiphertext: true,
        lastSignInAt: true,
        deactivatedAt: true,
      },
    }),
    db.staffUser.count(),
  ]);
  return {
    total,
    rows: rows.map(({ passwordHash, totpSecretCiphertext, deactivatedAt, lastSignInAt, ...staff }) => ({
      ...staff,
      mfa: totpSecretCiphertext !== null,
      lastSignInAt,
      // A reset clears the password too; someone who signed in before is not "invited" again.
      status: deactivatedAt ? "deactivated" : passwordHash === null && lastSignInAt === null ? "invited" : "active",
    })),
  };
}
