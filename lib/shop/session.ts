import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { hashSessionValue } from "@/lib/redemption/session-hash";
import { shopSessionCookie } from "@/lib/shop/session-cookie";

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
  };
}

export async function currentShopVisitor(): Promise<ShopVisitor | null> {
  return findShopVisitor((await cookies()).get(shopSessionCookie().name)?.value);
}
