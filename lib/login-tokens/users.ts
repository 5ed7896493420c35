import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { UserRef, UserTypeValue } from "@/lib/login-tokens/schemas";

/** A contact or customer as tokens, dialogs and the API show them. */
export interface TokenUser {
  type: UserTypeValue;
  id: number;
  name: string;
  email: string;
  company: string | null;
}

/** The columns that name a contact or customer. */
export const personSelect = { id: true, firstName: true, lastName: true, email: true } as const;

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** Refuses, at the field `field`, a contact or customer that does not exist. */
export async function findTokenUser(ref: UserRef, field = "user"): Promise<TokenUser> {
  if (ref.type === "CONTACT") {
    const contact = await db.contact.findUnique({ where: { id: ref.id }, select: { ...personSelect, company: { select: { name: true } } } });
    if (!contact) throw new DomainError("That contact does not exist.", "CONTACT_NOT_FOUND", field);
    return { type: "CONTACT", id: contact.id, name: fullName(contact), email: contact.email, company: contact.company.name };
  }
  const customer = await db.customer.findUnique({ where: { id: ref.id }, select: personSelect });
  if (!customer) throw new DomainError("That customer does not exist.", "CUSTOMER_NOT_FOUND", field);
  return { type: "CUSTOMER", id: customer.id, name: fullName(customer), email: customer.email, company: null };
}

/** Exact, case-insensitive email lookup across both kinds (emails are stored lower-cased). */
export async function findTokenUsersByEmail(email: string): Promise<TokenUser[]> {
  const normalized = email.trim().toLowerCase();
  const [contacts, customers] = await Promise.all([
    db.contact.findMany({ where: { email: normalized }, select: { id: true } }),
    db.customer.findMany({ where: { email: normalized }, select: { id: true } }),
  ]);
  return Promise.all([
    ...contacts.map((c) => findTokenUser({ type: "CONTACT", id: c.id })),
    ...customers.map((c) => findTokenUser({ type: "CUSTOMER", id: c.id })),
  ]);
}

/** For the picker: contacts and customers whose name or email contains `query`. */
export async function searchTokenUsers(query: string, limit = 20): Promise<TokenUser[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const match = words.map((word) => ({
    OR: [
      { firstName: { contains: word, mode: "insensitive" as const } },
      { lastName: { contains: word, mode: "insensitive" as const } },
      { email: { contains: word.toLowerCase() } },
    ],
  }));
  const where = match.length ? { AND: match } : {};
  const orderBy = [{ lastName: "asc" as const }, { firstName: "asc" as const }];
  const [contacts, customers] = await Promise.all([
    db.contact.findMany({ where, orderBy, take: limit, select: { ...personSelect, company: { select: { name: true } } } }),
    db.customer.findMany({ where, orderBy, take: limit, select: personSelect }),
  ]);
  const users: TokenUser[] = [
    ...contacts.map((c) => ({ type: "CONTACT" as const, id: c.id, name: fullName(c), email: c.email, company: c.company.name })),
    ...customers.map((c) => ({ type: "CUSTOMER" as const, id: c.id, name: fullName(c), email: c.email, company: null })),
  ];
  return users.sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
}
