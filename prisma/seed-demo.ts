// The demo data `npm start` puts in the embedded database: enough companies,
// people, staff and tokens in every state that each screen, filter and sort
// has something to show. Deterministic (a seeded PRNG over fixed name lists:
// the same people, states and mix on every machine; only token values, ids
// and the run's "now", from which all dates count back, differ) and idempotent:
//   - companies, contacts and customers are inserted with skipDuplicates on
//     their ids (the webshop's, fixed here) and emails, so a second run adds none;
//   - demo staff are created only when their email is missing, and existing
//     accounts are never touched (a changed password survives a restart);
//   - demo punch-out buyers are created only when no buyer of their name
//     exists, deleted ones included (a buyer staff deleted stays deleted). Their
//     secret is fixed (demo-punchout-buyers.json) so that `npm start` can print
//     it: stored, like every buyer's, only as a hash;
//   - tokens are seeded once per database. Their values are random by design
//     (a predictable secret would be a real login), so no column of theirs is
//     a stable key. The marker is the seed's own `token.created` audit events
//     (details.source = "demo-seed"): audit_events is append-only, and tokens
//     and events commit in one transaction, so "any such event exists" means
//     "the demo tokens were seeded", even after staff delete some of them.
//
// No `server-only` imports: `tsx prisma/seed.ts` runs outside Next.js.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { StaffRole } from "@/lib/generated/prisma/enums";
import { issueTokenValue, type TokenKeys } from "@/lib/login-tokens/token-crypto";
import { lockDemoSeedSql } from "@/lib/sql/lock-demo-seed";
import demoPunchout from "./demo-punchout-buyers.json" with { type: "json" };
import demoStaff from "./demo-staff.json" with { type: "json" };

export const DEMO_SEED_SOURCE = "demo-seed";
export const DEMO_EDITOR_EMAIL = "editor@latchkey.test";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TOKEN_COUNT = 300;
const LIFETIME_DAYS = [1, 7, 14, 30, 90, 180, 365];
const CONTACT_COUNT = 200;
const CUSTOMER_COUNT = 200;
// The webshop's own ids for the demo people, in ranges of their own.
const FIRST_COMPANY_ID = 101;
const FIRST_CONTACT_ID = 1001;
const FIRST_CUSTOMER_ID = 5001;

/** [name, country] — invented European B2B buyers of a wholesale webshop. */
export const DEMO_COMPANIES: ReadonlyArray<readonly [string, string]> = [
  ["Nordwind Logistik GmbH", "DE"],
  ["Van der Berg Installatietechniek B.V.", "NL"],
  ["Brennero Meccanica S.r.l.", "IT"],
  ["Alpenstahl Maschinenbau AG", "AT"],
  ["Kestrel Facilities Ltd", "GB"],
  ["Société Lyonnaise d'Outillage SAS", "FR"],
  ["Hansa Elektro Großhandel GmbH", "DE"],
  ["Costa Verde Hostelería S.L.", "ES"],
  ["Fjordline Marine Supply AS", "NO"],
  ["Vistula Budownictwo Sp. z o.o.", "PL"],
  ["Helvetia Präzisionstechnik AG", "CH"],
  ["Ardennes Agro Coopérative SCRL", "BE"],
  ["Baltic Timber Trading OÜ", "EE"],
  ["Danubia Pharma Kft.", "HU"],
  ["Skandia Office Solutions AB", "SE"],
  ["Porto Têxtil Industrial Lda.", "PT"],
  ["Moravia Automotive s.r.o.", "CZ"],
  ["Celtic Care Homes Ltd", "IE"],
  ["Rheinland Bürobedarf KG", "DE"],
  ["Aurora Hospitality Oy", "FI"],
];

/**
 * Names by country, so a buyer at a Czech company is called like one. Czech
 * surnames agree with the first name: [masculine, feminine], and `feminine`
 * lists the first names that take the second form.
 */
const NAMES: Record<string, { first: string[]; last: Array<string | readonly [string, string]>; feminine?: string[] }> = {
  DE: {
    first: ["Lukas", "Anna", "Jonas", "Sophie", "Felix", "Marie", "Katharina", "Tobias", "Julia", "Stefan"],
    last: ["Müller", "Schmidt", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter"],
  },
  AT: {
    first: ["Florian", "Lena", "Matthias", "Theresa", "Johannes", "Magdalena"],
    last: ["Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser"],
  },
  CH: { first: ["Reto", "Nadine", "Beat", "Corinne", "Urs", "Sandra"], last: ["Keller", "Brunner", "Meier", "Baumann", "Frei", "Zimmermann"] },
  NL: { first: ["Daan", "Sanne", "Bram", "Lotte", "Pieter", "Fleur"], last: ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "van Dijk"] },
  BE: { first: ["Wout", "Liesbeth", "Camille", "Julien", "Elise", "Thomas"], last: ["Peeters", "Janssens", "Maes", "Willems", "Dubois", "Lambert"] },
  FR: {
    first: ["Léa", "Hugo", "Chloé", "Louis", "Camille", "Julien", "Manon", "Antoine"],
    last: ["Dubois", "Laurent", "Moreau", "Lefèvre", "Girard", "Bonnet", "Mercier", "Rousseau"],
  },
  IT: {
    first: ["Giulia", "Matteo", "Sofia", "Lorenzo", "Chiara", "Alessandro", "Francesca", "Davide"],
    last: ["Rossi", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Conti"],
  },
  ES: { first: ["Lucía", "Alejandro", "Mateo", "Carmen", "Javier", "Elena"], last: ["García", "Fernández", "Martín", "López", "Sánchez", "Ruiz"] },
  PT: { first: ["Inês", "João", "Beatriz", "Tiago", "Mariana", "Rui"], last: ["Ferreira", "Santos", "Costa", "Oliveira", "Pereira", "Almeida"] },
  GB: { first: ["Olivia", "James", "Emily", "Oliver", "Charlotte", "Thomas"], last: ["Smith", "Taylor", "Brown", "Evans", "Wilson", "Clarke"] },
  IE: { first: ["Siobhán", "Conor", "Aoife", "Ruairí", "Niamh", "Cian"], last: ["Murphy", "O'Brien", "Kelly", "Walsh", "Byrne", "Ryan"] },
  NO: { first: ["Jens", "Ingrid", "Sigrid", "Henrik", "Kari", "Lars"], last: ["Hansen", "Larsen", "Berg", "Johansen", "Haugen"] },
  SE: { first: ["Oskar", "Astrid", "Björn", "Elsa", "Erik", "Maja"], last: ["Johansson", "Lindqvist", "Eriksson", "Nyström", "Andersson"] },
  FI: { first: ["Eero", "Aino", "Mikko", "Laura", "Juha", "Sanna"], last: ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine"] },
  EE: { first: ["Kristjan", "Liis", "Mart", "Kadri", "Rasmus", "Triin"], last: ["Tamm", "Saar", "Sepp", "Kask", "Mägi"] },
  PL: { first: ["Zofia", "Jakub", "Katarzyna", "Piotr", "Agnieszka", "Tomasz"], last: ["Nowak", "Kowalczyk", "Wójcik", "Mazur", "Krawczyk", "Zając"] },
  CZ: {
    first: ["Tomáš", "Petra", "Jan", "Lucie", "Martin", "Tereza"],
    feminine: ["Petra", "Lucie", "Tereza"],
    last: [
      ["Novák", "Nováková"],
      ["Dvořák", "Dvořáková"],
      ["Svoboda", "Svobodová"],
      ["Černý", "Černá"],
      ["Procházka", "Procházková"],
    ],
  },
  HU: { first: ["Eszter", "Bálint", "Márton", "Zsófia", "Gábor", "Réka"], last: ["Nagy", "Kovács", "Tóth", "Szabó", "Horváth"] },
};

/** Reserved by RFC 2606 like the company domains. */
export const DEMO_CUSTOMER_DOMAINS = ["example.com", "example.net", "example.org", "mail.example"];

const CONTACT_EXTRAS = [
  "Quote Q-2026-0412: reorder of the spring assortment",
  "Sent by sales after the EuroShop trade fair meeting",
  "Framework contract 2026, price list B",
  "Requested by the purchasing manager for the new branch",
  "Cost centre 4410 — maintenance",
  "Follow-up on complaint RMA-88231",
  "Onboarding: first order with net-30 payment terms",
];

const CUSTOMER_EXTRAS = [
  "Support ticket #48213: could not reset password",
  "Win-back campaign, autumn newsletter",
  "Gift card order by phone",
  "Loyalty programme: gold tier invitation",
];

const PUNCH_OUT_EXTRAS = [
  "OCI punch-out: SAP Ariba, buyer org 4711",
  "OCI punch-out: SAP SRM, client 100, plant 2300",
  "OCI punch-out: Coupa, buyer org 0815",
  "cXML punch-out: Jaggaer, catalogue MRO",
];

const PUNCH_OUT_REFERRERS = ["https://procurement.example.com", "https://s1.ariba.example", "https://buyer.coupa.example"];
const CRM_REFERRERS = ["https://crm.example.com", "https://portal.example.com"];
const REDIRECT_PATHS = [
  "/shop/cart",
  "/shop/orders",
  "/shop/quick-order",
  "/shop/catalog/fasteners",
  "/shop/account/invoices",
  "/shop/catalog/safety-equipment",
];
const REASONS = [
  "Customer asked for help placing a reorder by phone",
  "Checking prices the buyer sees on the framework contract",
  "Reproducing a checkout problem from ticket #48213",
];

const EDITOR_IP = "192.0.2.14";
const EDITOR_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";

export interface DemoSeedResult {
  companies: number;
  contacts: number;
  customers: number;
  staff: number;
  punchoutBuyers: number;
  tokens: number;
  auditEvents: number;
}

/** mulberry32: a tiny PRNG, so the same seed gives the same demo on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

/** Email local parts and domains in plain ASCII: "Wiśniewska" → "wisniewska", "Großhandel" → "grosshandel". */
function ascii(text: string): string {
  return text
    .replace(/ß/g, "ss")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function companyDomain(name: string): string {
  // Legal forms make poor domains: "Nordwind Logistik GmbH" → nordwind-logistik.example.
  const withoutLegalForm = name.replace(/\s+(GmbH|B\.V\.|S\.r\.l\.|AG|Ltd|SAS|S\.L\.|AS|Sp\. z o\.o\.|SCRL|OÜ|Kft\.|AB|Lda\.|s\.r\.o\.|KG|Oy)$/, "");
  // Reserved by RFC 2606, so no demo address is anyone's real mailbox.
  return `${ascii(withoutLegalForm)}.example`;
}

function uniqueEmail(taken: Set<string>, local: string, domain: string): string {
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

interface Person {
  firstName: string;
  lastName: string;
  email: string;
}

function person(random: ReturnType<typeof prng>, country: string, domain: string, taken: Set<string>): Person {
  const names = NAMES[country];
  if (!names) throw new Error(`No demo names for ${country}`);
  const firstName = random.pick(names.first);
  const last = random.pick(names.last);
  const lastName = typeof last === "string" ? last : last[names.feminine?.includes(firstName) ? 1 : 0];
  const local = `${ascii(firstName)}.${ascii(lastName)}`.replace(/-/g, "");
  return { firstName, lastName, email: uniqueEmail(taken, local, domain) };
}

type TokenOwner = { kind: "CONTACT"; id: number; name: string } | { kind: "CUSTOMER"; id: number; name: string } | null;
type TokenState = "active" | "expired" | "used" | "deleted" | "locked";

/** One token, with stamps that agree with each other and with its state at `now`. */
function demoToken(random: ReturnType<typeof prng>, owner: TokenOwner, now: number, byEditor: boolean, editorId: string) {
  const roll = random.next();
  const state: TokenState = roll < 0.5 ? "active" : roll < 0.7 ? "expired" : roll < 0.83 ? "used" : roll < 0.96 ? "deleted" : "locked";
  // Skewed towards recent days, as a living shop's tokens are.
  const createdAt = now - Math.floor(180 * DAY * random.next() ** 1.4) - random.int(2 * HOUR, 4 * HOUR);
  const between = (from: number, to: number) => from + Math.floor(random.next() * Math.max(0, to - from));
  const oneTimeUse = state === "used" || (state !== "locked" && random.chance(0.25));

  // Staff pick a lifetime when they create a token, so expiries sit at the usual distances from creation.
  const expiringAfter = (ok: (expiry: number) => boolean) => {
    const fits = LIFETIME_DAYS.map((days) => createdAt + days * DAY).filter(ok);
    return fits.length > 0 ? random.pick(fits) : null;
  };
  let expiresAt: number | null = null;
  if (state === "expired") expiresAt = expiringAfter((expiry) => expiry < now - HOUR) ?? between(createdAt + HOUR, now - HOUR);
  else if (random.chance(owner ? 0.6 : 0.3)) expiresAt = expiringAfter((expiry) => expiry > now + HOUR);

  let successfulAttempts = 0;
  let failedAttempts = random.chance(0.2) ? random.int(1, 4) : 0;
  let lastAccessedAt: number | null = null;
  let usedAt: number | null = null;
  let lockedAt: number | null = null;
  let deletedAt: number | null = null;
  const accessUntil = Math.min(now, expiresAt ?? now);

  if (state === "used") {
    successfulAttempts = 1;
    usedAt = between(createdAt + 60_000, Math.min(now, createdAt + 14 * DAY));
    lastAccessedAt = usedAt;
  } else if (state === "locked") {
    failedAttempts = random.int(10, 14);
    successfulAttempts = random.chance(0.5) ? random.int(1, 6) : 0;
    lockedAt = between(createdAt + HOUR, now);
    lastAccessedAt = lockedAt;
  } else {
    // A one-time token that had been redeemed would be Used, so the others were never redeemed.
    if (!oneTimeUse && random.chance(state === "active" ? 0.75 : 0.5)) successfulAttempts = Math.floor(random.next() ** 2 * (owner ? 40 : 120)) + 1;
    if (state === "deleted") deletedAt = between(createdAt + HOUR, now);
    if (successfulAttempts + failedAttempts > 0) lastAccessedAt = between(createdAt + 60_000, Math.min(deletedAt ?? now, accessUntil));
  }

  const extra =
    owner === null ? random.pick(PUNCH_OUT_EXTRAS) : random.chance(0.35) ? random.pick(owner.kind === "CONTACT" ? CONTACT_EXTRAS : CUSTOMER_EXTRAS) : null;
  const referrer = owner === null ? (random.chance(0.8) ? random.pick(PUNCH_OUT_REFERRERS) : null) : random.chance(0.1) ? random.pick(CRM_REFERRERS) : null;
  const redirectPath = random.chance(owner === null ? 0.5 : 0.3) ? random.pick(REDIRECT_PATHS) : null;
  const reason = owner && byEditor && random.chance(0.1) ? random.pick(REASONS) : null;
  const updatedAt = Math.max(createdAt, deletedAt ?? 0, lockedAt ?? 0);
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));

  return {
    id: randomUUID(),
    userType: owner?.kind ?? null,
    contactId: owner?.kind === "CONTACT" ? owner.id : null,
    customerId: owner?.kind === "CUSTOMER" ? owner.id : null,
    userName: owner?.name ?? null,
    expiresAt: date(expiresAt),
    oneTimeUse,
    extra,
    referrer,
    redirectPath,
    reason,
    successfulAttempts,
    failedAttempts,
    lastAccessedAt: date(lastAccessedAt),
    usedAt: date(usedAt),
    lockedAt: date(lockedAt),
    deletedAt: date(deletedAt),
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
    createdByStaffId: byEditor ? editorId : null,
  };
}

async function seedStaff(db: PrismaClient): Promise<number> {
  const emails = demoStaff.staff.map((staff) => staff.email);
  const existing = new Set((await db.staffUser.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((s) => s.email));
  const missing = demoStaff.staff.filter((staff) => !existing.has(staff.email));
  if (missing.length === 0) return 0;
  const data: Prisma.StaffUserCreateManyInput[] = await Promise.all(
    missing.map(async (staff) => ({
      email: staff.email,
      name: staff.name,
      passwordHash: await hash(demoStaff.password),
      roles: staff.roles.map((role) => {
        if (!(role in StaffRole)) throw new Error(`prisma/demo-staff.json: unknown role ${role}`);
        return role as StaffRole;
      }),
      viewer: staff.viewer,
      administrator: "administrator" in staff && staff.administrator === true,
    })),
  );
  return (await db.staffUser.createMany({ data, skipDuplicates: true })).count;
}

/** The demo's procurement systems, for its first company; hashed before the seed's transaction, which inserts them. */
async function demoPunchoutBuyers(db: PrismaClient): Promise<Prisma.PunchoutBuyerCreateManyInput[]> {
  const names = demoPunchout.buyers.map((buyer) => buyer.name);
  const existing = new Set((await db.punchoutBuyer.findMany({ where: { name: { in: names } }, select: { name: true } })).map((b) => b.name));
  const missing = demoPunchout.buyers.filter((buyer) => !existing.has(buyer.name));
  if (missing.length === 0) return [];
  const secretHash = await hash(demoPunchout.secret);
  return missing.map((buyer) => ({
    name: buyer.name,
    protocol: buyer.protocol === "OCI" ? ("OCI" as const) : ("CXML" as const),
    companyId: FIRST_COMPANY_ID,
    contactId: buyer.signsInAsFirstContact ? FIRST_CONTACT_ID : null,
    ociUsername: buyer.ociUsername,
    ociUsernameField: buyer.ociUsernameField,
    ociPasswordField: buyer.ociPasswordField,
    cxmlDomain: buyer.cxmlDomain,
    cxmlIdentity: buyer.cxmlIdentity,
    returnOrigins: buyer.returnOrigins,
    secretHash,
  }));
}

/**
 * Seeds the demo data and returns how many rows of each kind this run created
 * (all zero when the database already has them).
 */
export async function seedDemoData(db: PrismaClient, keys: TokenKeys, options: { now?: Date } = {}): Promise<DemoSeedResult> {
  const now = (options.now ?? new Date()).getTime();
  const random = prng(20261124);
  const taken = new Set<string>();
  const companyRows = DEMO_COMPANIES.map(([name]) => name);
  // Every company gets a buyer; after that a few large accounts have most of them, as in real life.
  const contactRows = Array.from({ length: CONTACT_COUNT }, (_, index) => {
    const [name, country] = DEMO_COMPANIES[index < DEMO_COMPANIES.length ? index : Math.floor(DEMO_COMPANIES.length * random.next() ** 1.6)]!;
    return { ...person(random, country, companyDomain(name), taken), company: name };
  });
  const countries = Object.keys(NAMES);
  const customerRows = Array.from({ length: CUSTOMER_COUNT }, () => person(random, random.pick(countries), random.pick(DEMO_CUSTOMER_DOMAINS), taken));

  // Hashing is the slow part of the seed, so it happens before the transaction and only for staff that are missing.
  const staff = await seedStaff(db);
  const buyers = await demoPunchoutBuyers(db);

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw(lockDemoSeedSql);

      const companies = (
        await tx.company.createMany({ data: companyRows.map((name, index) => ({ id: FIRST_COMPANY_ID + index, name })), skipDuplicates: true })
      ).count;
      const companyIds = new Map(companyRows.map((name, index) => [name, FIRST_COMPANY_ID + index]));

      const contacts = (
        await tx.contact.createMany({
          data: contactRows.map(({ company, ...contact }, index) => ({ id: FIRST_CONTACT_ID + index, ...contact, companyId: companyIds.get(company)! })),
          skipDuplicates: true,
        })
      ).count;
      const customers = (
        await tx.customer.createMany({ data: customerRows.map((customer, index) => ({ id: FIRST_CUSTOMER_ID + index, ...customer })), skipDuplicates: true })
      ).count;
      const punchoutBuyers = (await tx.punchoutBuyer.createMany({ data: buyers, skipDuplicates: true })).count;

      const seeded = await tx.auditEvent.findFirst({
        where: { action: "token.created", details: { path: ["source"], equals: DEMO_SEED_SOURCE } },
        select: { id: true },
      });
      if (seeded) return { companies, contacts, customers, staff, punchoutBuyers, tokens: 0, auditEvents: 0 };
      const editor = await tx.staffUser.findUniqueOrThrow({ where: { email: DEMO_EDITOR_EMAIL }, select: { id: true, name: true } });

      const contactOwners = await tx.contact.findMany({
        where: { email: { in: contactRows.map((p) => p.email) } },
        select: { id: true, firstName: true, lastName: true },
        orderBy: { email: "asc" },
      });
      const customerOwners = await tx.customer.findMany({
        where: { email: { in: customerRows.map((p) => p.email) } },
        select: { id: true, firstName: true, lastName: true },
        orderBy: { email: "asc" },
      });
      const ownerName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

      const tokens = Array.from({ length: TOKEN_COUNT }, () => {
        const roll = random.next();
        const owner: TokenOwner =
          roll < 0.55
            ? (({ id, ...p }) => ({ kind: "CONTACT" as const, id, name: ownerName(p) }))(random.pick(contactOwners))
            : roll < 0.85
              ? (({ id, ...p }) => ({ kind: "CUSTOMER" as const, id, name: ownerName(p) }))(random.pick(customerOwners))
              : null;
        // Most tokens come from the editor; the rest were imported from the old shop by the system.
        const byEditor = random.chance(0.92);
        const { tokenHash, tokenCiphertext } = issueTokenValue(keys);
        return { ...demoToken(random, owner, now, byEditor, editor.id), tokenHash, tokenCiphertext };
      });
      await tx.loginToken.createMany({ data: tokens });

      const audit: Prisma.AuditEventCreateManyInput[] = tokens.flatMap((token) => {
        const byStaff = token.createdByStaffId !== null;
        const actor = byStaff
          ? { actorType: "STAFF" as const, actorStaffId: editor.id, actorLabel: editor.name, ip: EDITOR_IP, userAgent: EDITOR_AGENT }
          : { actorType: "SYSTEM" as const };
        const events: Prisma.AuditEventCreateManyInput[] = [
          {
            action: "token.created",
            loginTokenId: token.id,
            createdAt: token.createdAt,
            ...actor,
            details: {
              source: DEMO_SEED_SOURCE,
              ...(byStaff ? {} : { importedFrom: "legacy shop" }),
              user: token.userType ? { type: token.userType, id: token.contactId ?? token.customerId, name: token.userName } : null,
              expiresAt: token.expiresAt?.toISOString() ?? null,
              oneTimeUse: token.oneTimeUse,
            },
          },
        ];
        if (token.usedAt) {
          events.push({
            action: "token.redeemed",
            actorType: "VISITOR",
            loginTokenId: token.id,
            createdAt: token.usedAt,
            ip: "198.51.100.23",
            userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1.15",
          });
        } else if (token.deletedAt) {
          events.push({
            action: "token.deleted",
            loginTokenId: token.id,
            createdAt: token.deletedAt,
            actorType: "STAFF",
            actorStaffId: editor.id,
            actorLabel: editor.name,
            ip: EDITOR_IP,
            userAgent: EDITOR_AGENT,
          });
        }
        return events;
      });
      await tx.auditEvent.createMany({ data: audit });

      return { companies, contacts, customers, staff, punchoutBuyers, tokens: tokens.length, auditEvents: audit.length };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
