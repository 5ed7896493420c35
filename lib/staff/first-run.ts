import "server-only";
import { db } from "@/lib/db";
import { administratorExists, issuePasswordLink, LINK_HOURS } from "@/lib/staff/password-links";

/**
 * The set-up link for an installation nobody can administer yet, or null.
 * Each start replaces the previous one, so only the last printed link works.
 */
export async function firstRunSetUpLink(): Promise<string | null> {
  if (await administratorExists()) return null;
  return db.$transaction((tx) => issuePasswordLink(null, LINK_HOURS.setUp, tx));
}

/** For the sign-in page: a visitor on an installation without staff learns how to set it up. */
export async function noStaffYet(): Promise<boolean> {
  return (await db.staffUser.count({ where: { deactivatedAt: null } })) === 0;
}
