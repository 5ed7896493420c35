import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Holds off every other writer of staff_users (and every other holder of this
 * lock) until the transaction ends, while plain reads go on.
 */
export const lockStaffUsersSql = Prisma.sql`LOCK TABLE staff_users IN SHARE ROW EXCLUSIVE MODE`;
