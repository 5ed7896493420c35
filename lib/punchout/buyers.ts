import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { deleteLoginTokens } from "@/lib/login-tokens/mutations";
import { fullName } from "@/lib/login-tokens/users";
import { isInsecureOrigin, type NewPunchoutBuyer, type PunchoutProtocolValue } from "@/lib/punchout/schemas";
import { CREATED_BY_SELECT, createdBy, SETTINGS_LIST_LIMIT, type CreatedBy } from "@/lib/settings-lists";
import { lockPunchoutBuyerSql } from "@/lib/sql/lock-punchout-buyer";

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

type Transaction = Prisma.TransactionClient;

/** Cuts a buyer off now: its unredeemed start links stop (deleted, audited as such) and the shop sessions its punch-outs opened end. */
async function endBuyerAccess(tx: Transaction, buyerId: string, by: AuditContext): Promise<{ tokensDeleted: number; sessionsEnded: number }> {
  const live = await tx.loginToken.findMany({
    where: { punchoutSession: { buyerId }, deletedAt: null, usedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  const tokensDeleted = await deleteLoginTokens(
    live.map((token) => token.id),
    by,
    tx,
  );
  const { count: sessionsEnded } = await tx.shopSession.deleteMany({ where: { loginToken: { punchoutSession: { buyerId } } } });
  return { tokensDeleted, sessionsEnded };
}

/**
 * Locks the buyer's row for the rest of the transaction, so that a punch-out
 * starting meanwhile (which holds a share lock on it, see startPunchout)
 * either commits first and is swept by this change, or waits and sees it.
 */
async function lockBuyer(tx: Transaction, id: string) {
  const [buyer] = await tx.$queryRaw<{ name: string; protocol: PunchoutProtocolValue; disabled: boolean }[]>(lockPunchoutBuyerSql(id));
  if (!buyer) throw new DomainError("This punch-out buyer no longer exists.", "PUNCHOUT_BUYER_NOT_FOUND");
  return buyer;
}

/** Refuses the buyer's setup requests and OCI logins from now on and ends what its punch-outs have open; audited. */
export async function disablePunchoutBuyer(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const buyer = await lockBuyer(tx, id);
    if (buyer.disabled) throw new DomainError("This punch-out buyer is already disabled.", "PUNCHOUT_BUYER_DISABLED");
    await tx.punchoutBuyer.update({ where: { id }, data: { disabledAt: new Date() }, select: { id: true } });
    const ended = await endBuyerAccess(tx, id, by);
    await recordAudit({ action: "punchout_buyer.disabled", ...by, details: { buyerId: id, name: buyer.name, protocol: buyer.protocol, ...ended } }, tx);
  });
}

/** Accepts the buyer's credentials again (the same ones: nothing was issued anew); audited. */
export async function enablePunchoutBuyer(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const buyer = await lockBuyer(tx, id);
    if (!buyer.disabled) throw new DomainError("This punch-out buyer is already enabled.", "PUNCHOUT_BUYER_ENABLED");
    await tx.punchoutBuyer.update({ where: { id }, data: { disabledAt: null }, select: { id: true } });
    await recordAudit({ action: "punchout_buyer.enabled", ...by, details: { buyerId: id, name: buyer.name, protocol: buyer.protocol } }, tx);
  });
}

/**
 * Deletes a buyer's credentials (secret hash, username or identity, which
 * another buyer may then take) and ends its access as disabling does. The row
 * stays, out of the list, so that its past punch-outs and their tokens keep
 * naming it; the audit log keeps its events.
 */
export async function deletePunchoutBuyer(id: string, by: AuditContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const buyer = await lockBuyer(tx, id);
    await tx.punchoutBuyer.update({
      where: { id },
      data: { deletedAt: new Date(), secretHash: null, ociUsername: null, cxmlDomain: null, cxmlIdentity: null },
      select: { id: true },
    });
    const ended = await endBuyerAccess(tx, id, by);
    await recordAudit({ action: "punchout_buyer.deleted", ...by, details: { buyerId: id, name: buyer.name, protocol: buyer.protocol, ...ended } }, tx);
  });
}

/** What the Settings > Punch-out buyers table shows; never the hash. */
export interface PunchoutBuyerListItem extends CreatedBy {
  id: string;
  name: string;
  protocol: PunchoutProtocolValue;
  company: string;
  contact: string | null;
  credential: string;
  returnOrigins: string[];
  lastPunchoutAt: Date | null;
  disabledAt: Date | null;
}

export async function listPunchoutBuyers(): Promise<PunchoutBuyerListItem[]> {
  const rows = await db.punchoutBuyer.findMany({
    where: { deletedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: SETTINGS_LIST_LIMIT,
    select: {
      id: true,
      name: true,
      protocol: true,
      ociUsername: true,
      ociUsernameField: true,
      cxmlDomain: true,
      cxmlIdentity: true,
      returnOrigins: true,
      disabledAt: true,
      company: { select: { name: true } },
      contact: { select: { firstName: true, lastName: true } },
      ...CREATED_BY_SELECT,
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
    ...createdBy(row),
    lastPunchoutAt: row.sessions[0]?.createdAt ?? null,
    disabledAt: row.disabledAt,
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
