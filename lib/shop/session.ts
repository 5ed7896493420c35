import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { hashSessionValue } from "@/lib/redemption/session-hash";
import { shopSessionCookie } from "@/lib/shop/session-cookie";
import { touchShopSession } from "@/lib/shop/token-sessions";

export interface ShopVisitor {
  kind: "CONTACT" | "CUSTOMER" | "ANONYMOUS";
  name: string | null;
  email: string | null;
  company: string | null;
  tokenId: string;
  /** Set when a staff member made the token: the shop must say it is being viewed on someone's behalf. */
  openedByStaff: string | null;
  reason: string | null;
  expiresAt: Date;
  /** For a staff member's session as a person (time-boxed by IMPERSONATION_SESSION_MINUTES): the minutes it has left. */
  impersonationMinutesLeft: number | null;
}

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** The visitor behind a session cookie value, or null when it names no live session. */
export async function findShopVisitor(cookieValue: string | undefined): Promise<ShopVisitor | null> {
  if (!cookieValue) return null;
  const session = await db.shopSession.findFirst({
    where: { sessionHash: Buffer.from(hashSessionValue(cookieValue)), expiresAt: { gt: new Date() } },
    select: {
      userType: true,
      expiresAt: true,
      contact: { select: { firstName: true, lastName: true, email: true, company: { select: { name: true } } } },
      customer: { select: { firstName: true, lastName: true, email: true } },
      loginToken: { select: { id: true, reason: true, createdByStaff: { select: { name: true } } } },
    },
  });
  if (!session) return null;
  const person = session.contact ?? session.customer;
  return {
    kind: session.userType ?? "ANONYMOUS",
    name: person ? fullName(person) : null,
    email: person?.email ?? null,
    company: session.contact?.company.name ?? null,
    tokenId: session.loginToken.id,
    openedByStaff: session.loginToken.createdByStaff?.name ?? null,
    reason: session.loginToken.reason,
    expiresAt: session.expiresAt,
    impersonationMinutesLeft: person && session.loginToken.createdByStaff ? Math.max(1, Math.ceil((session.expiresAt.getTime() - Date.now()) / 60_000)) : null,
  };
}

/** The visitor of this request; a live session's last use is stamped (at most once a minute) for staff to see. */
export async function currentShopVisitor(): Promise<ShopVisitor | null> {
  const cookieValue = (await cookies()).get(shopSessionCookie().name)?.value;
  const visitor = await findShopVisitor(cookieValue);
  if (visitor && cookieValue) await touchShopSession(cookieValue);
  return visitor;
}
