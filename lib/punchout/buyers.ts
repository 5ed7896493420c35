import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/login-tokens/users";
import { isInsecureOrigin, type NewPunchoutBuyer, type PunchoutProtocolValue } from "@/lib/punchout/schemas";

/** The only moment the password or shared secret exists outside the procurement system that will send it. */
export interface IssuedPunchoutBuyer {
  id: string;
  name: string;
  protocol: PunchoutProtocolValue;
  secret: string;
}

/** 24 random bytes: short enough for any procurement system's password field, far beyond guessing. */
const newSecret = () => randomBytes(24).toString("base64url");

export async function createPunchoutBuyer(input: NewPunchoutBuyer, by: AuditContext): Promise<IssuedPunchoutBuyer> {
  if (!env().PUNCHOUT_ALLOW_INSECURE_RETURN && input.returnOrigins.some(isInsecureOrigin)) {
    throw new DomainError("Return origins must use https on this installation.", "VALIDATION_FAILED", "returnOrigins");
  }
  const company = await db.company.findUnique({ where: { id: input.companyId }, select: { id: true, name: true } });
  if (!company) throw new DomainError("That company does not exist.", "COMPANY_NOT_FOUND", "companyId");
  const contact = input.contactId
    ? await db.contact.findFirst({ where: { id: input.contactId, companyId: company.id }, select: { id: true, firstName: true, lastName: true } })
    : null;
  if (input.contactId && !contact) throw new DomainError("Pick a contact of this company, or none.", "CONTACT_NOT_FOUND", "contactId");

  const secret = newSecret();
  const credentials =
    input.protocol === "OCI"
      ? { ociUsername: input.ociUsername, ociUsernameField: input.ociUsernameField, ociPasswordField: input.ociPasswordField }
      : { cxmlDomain: input.cxmlDomain, cxmlIdentity: input.cxmlIdentity };
  const secretHash = await hashPassword(secret);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.punchoutBuyer.create({
        data: {
          name: input.name,
          protocol: input.protocol,
          companyId: company.id,
          contactId: contact?.id ?? null,
          ...credentials,
          secretHash,
          returnOrigins: input.returnOrigins,
          createdByStaffId: by.actor.type === "STAFF" ? by.actor.id : null,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          action: "punchout_buyer.created",
          ...by,
          details: {
            buyerId: created.id,
            name: input.name,
            protocol: input.protocol,
            company: company.name,
            contact: contact ? fullName(contact) : null,
            ...credentials,
            returnOrigins: input.returnOrigins,
          },
        },
        tx,
      );
      return created;
    });
    return { id: row.id, name: input.name, protocol: input.protocol, secret };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const field = input.protocol === "OCI" ? "ociUsername" : "cxmlIdentity";
      throw new DomainError(
        input.protocol === "OCI" ? "Another buyer already signs in with this username." : "Another buyer already uses this domain and identity.",
        "PUNCHOUT_BUYER_EXISTS",
        field,
      );
    }
    throw error;
  }
}

/** What the Settings > Punch-out buyers table shows; never the hash. */
export interface PunchoutBuyerListItem {
  id: string;
  name: string;
  protocol: PunchoutProtocolValue;
  company: string;
  contact: string | null;
  credential: string;
  returnOrigins: string[];
  createdAt: Date;
  createdByName: string | null;
  lastPunchoutAt: Date | null;
}

// An installation has a handful of procurement systems; the cap keeps the page bounded anyway.
export const PUNCHOUT_BUYER_LIST_LIMIT = 500;

export async function listPunchoutBuyers(): Promise<PunchoutBuyerListItem[]> {
  const rows = await db.punchoutBuyer.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PUNCHOUT_BUYER_LIST_LIMIT,
    select: {
      id: true,
      name: true,
      protocol: true,
      ociUsername: true,
      ociUsernameField: true,
      cxmlDomain: true,
      cxmlIdentity: true,
      returnOrigins: true,
      createdAt: true,
      company: { select: { name: true } },
      contact: { select: { firstName: true, lastName: true } },
      createdByStaff: { select: { name: true } },
      sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    protocol: row.protocol,
    company: row.company.name,
    contact: row.contact ? fullName(row.contact) : null,
    credential: row.protocol === "OCI" ? `${row.ociUsernameField}=${row.ociUsername}` : `${row.cxmlDomain}: ${row.cxmlIdentity}`,
    returnOrigins: row.returnOrigins,
    createdAt: row.createdAt,
    createdByName: row.createdByStaff?.name ?? null,
    lastPunchoutAt: row.sessions[0]?.createdAt ?? null,
  }));
}

export interface CompanyChoice {
  id: number;
  name: string;
  contacts: { id: number; name: string; email: string }[];
}

// The dialog offers companies and their contacts as lists, bounded so that a large webshop cannot make the page unbounded.
const COMPANY_CHOICES_LIMIT = 500;
const CONTACTS_PER_COMPANY_LIMIT = 100;

export async function listCompanyChoices(): Promise<CompanyChoice[]> {
  const companies = await db.company.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: COMPANY_CHOICES_LIMIT,
    select: {
      id: true,
      name: true,
      contacts: {
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        take: CONTACTS_PER_COMPANY_LIMIT,
        select: { id: true, firstName: true, lastName: true, email: true },
      },
    },
  });
  return companies.map((company) => ({
    id: company.id,
    name: company.name,
    contacts: company.contacts.map((contact) => ({ id: contact.id, name: fullName(contact), email: contact.email })),
  }));
}
