/** Derived, never stored: what a token's stamps say about it now. */
export const LOGIN_TOKEN_STATUSES = ["ACTIVE", "EXPIRED", "USED", "LOCKED", "DELETED"] as const;
export type LoginTokenStatus = (typeof LOGIN_TOKEN_STATUSES)[number];

export interface StatusStamps {
  deletedAt: Date | null;
  usedAt: Date | null;
  lockedAt: Date | null;
  expiresAt: Date | null;
}

export function statusOf(token: StatusStamps, now: Date = new Date()): LoginTokenStatus {
  if (token.deletedAt) return "DELETED";
  if (token.usedAt) return "USED";
  if (token.lockedAt) return "LOCKED";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

export const STATUS_LABELS: Record<LoginTokenStatus, string> = {
  ACTIVE: "Active",
  EXPIRED: "Expired",
  USED: "Used",
  LOCKED: "Locked",
  DELETED: "Deleted",
};
