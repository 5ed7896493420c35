import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusOf, type LoginTokenStatus } from "@/lib/login-tokens/status";
import { decryptTokenValue, hashTokenValue, isWellFormedTokenValue } from "@/lib/login-tokens/token-crypto";
import { newTestClient } from "@/test/db";
import { testTokenKeys } from "@/test/factories";
import demoPunchout from "./demo-punchout-buyers.json" with { type: "json" };
import demoStaff from "./demo-staff.json" with { type: "json" };
import { DEMO_COMPANIES, DEMO_CUSTOMER_DOMAINS, DEMO_EDITOR_EMAIL, DEMO_SEED_SOURCE, seedDemoData, type DemoSeedResult } from "./seed-demo";

// The test database is shared with other test files running at the same
// time, so every count below is of rows the seed owns: its companies (by
// name), their contacts, customers at its domains, its staff (by email), and
// the tokens whose creation event it wrote.
const db = newTestClient();
const companyNames = DEMO_COMPANIES.map(([name]) => name);
const staffEmails = demoStaff.staff.map((staff) => staff.email);

async function seedTokenIds(): Promise<string[]> {
  const events = await db.auditEvent.findMany({
    where: { action: "token.created", details: { path: ["source"], equals: DEMO_SEED_SOURCE } },
    select: { loginTokenId: true },
  });
  return events.map((event) => event.loginTokenId!);
}

async function ownedCounts() {
  const tokenIds = await seedTokenIds();
  return {
    companies: await db.company.count({ where: { name: { in: companyNames } } }),
    contacts: await db.contact.count({ where: { company: { name: { in: companyNames } } } }),
    customers: await db.customer.count({ where: { OR: DEMO_CUSTOMER_DOMAINS.map((domain) => ({ email: { endsWith: `@${domain}` } })) } }),
    staff: await db.staffUser.count({ where: { email: { in: staffEmails } } }),
    tokens: await db.loginToken.count({ where: { id: { in: tokenIds } } }),
    tokenEvents: tokenIds.length,
    auditEvents: await db.auditEvent.count({ where: { loginTokenId: { in: tokenIds } } }),
  };
}

const now = new Date();
let second: DemoSeedResult;
let afterFirst: Awaited<ReturnType<typeof ownedCounts>>;
let afterSecond: Awaited<ReturnType<typeof ownedCounts>>;

beforeAll(async () => {
  await seedDemoData(db, testTokenKeys, { now });
  afterFirst = await ownedCounts();
  second = await seedDemoData(db, testTokenKeys, { now });
  afterSecond = await ownedCounts();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the demo seed", () => {
  it("creates the demo's companies, people, staff and tokens", () => {
    expect(afterFirst).toMatchObject({ companies: 20, contacts: 200, customers: 200, staff: 4, tokens: 300, tokenEvents: 300 });
  });

  it("adds nothing when run a second time", () => {
    expect(second).toEqual({ companies: 0, contacts: 0, customers: 0, staff: 0, punchoutBuyers: 0, tokens: 0, auditEvents: 0 });
    expect(afterSecond).toEqual(afterFirst);
  });

  it("gives every demo staff member the documented roles and a password that signs in", async () => {
    const staff = await db.staffUser.findMany({
      where: { email: { in: staffEmails } },
      select: { email: true, roles: true, viewer: true, administrator: true, passwordHash: true },
    });
    for (const expected of demoStaff.staff) {
      const row = staff.find((s) => s.email === expected.email)!;
      expect(row).toMatchObject({ roles: expected.roles, viewer: expected.viewer, administrator: "administrator" in expected && expected.administrator });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(row.passwordHash!, demoStaff.password)).toBe(true);
    }
  });

  it("adds the demo punch-out buyers once, for the first demo company, with the printed secret stored only as a hash", async () => {
    const buyers = await db.punchoutBuyer.findMany({
      where: { name: { in: demoPunchout.buyers.map((buyer) => buyer.name) } },
      select: { name: true, protocol: true, ociUsername: true, cxmlIdentity: true, secretHash: true, contactId: true, company: { select: { name: true } } },
    });
    expect(buyers.map((buyer) => buyer.name).sort()).toEqual(demoPunchout.buyers.map((buyer) => buyer.name).sort());
    for (const buyer of buyers) {
      expect(buyer.company.name).toBe(companyNames[0]);
      expect(buyer.secretHash).not.toContain(demoPunchout.secret);
      expect(await verify(buyer.secretHash!, demoPunchout.secret)).toBe(true);
    }
    expect(buyers.find((buyer) => buyer.protocol === "OCI")).toMatchObject({ ociUsername: "DEMO-SRM", contactId: expect.any(Number) });
    expect(buyers.find((buyer) => buyer.protocol === "CXML")).toMatchObject({ cxmlIdentity: "AN-DEMO-0001", contactId: null });
  });

  it("stores contacts' and customers' emails lower-cased, as the unique indexes expect", async () => {
    const contacts = await db.contact.findMany({ where: { company: { name: { in: companyNames } } }, select: { email: true } });
    expect(contacts.length).toBeGreaterThan(0);
    for (const { email } of contacts) expect(email).toBe(email.toLowerCase());
  });
});

describe("the demo tokens", () => {
  let tokens: Awaited<ReturnType<typeof loadTokens>>;
  const loadTokens = async () =>
    db.loginToken.findMany({
      where: { id: { in: await seedTokenIds() } },
      include: { contact: true, customer: true },
    });

  beforeAll(async () => {
    tokens = await loadTokens();
  });

  it("cover every status the table filters on, several times each", () => {
    const byStatus = new Map<LoginTokenStatus, number>();
    for (const token of tokens) byStatus.set(statusOf(token, now), (byStatus.get(statusOf(token, now)) ?? 0) + 1);
    for (const status of ["ACTIVE", "EXPIRED", "USED", "DELETED", "LOCKED"] as const) {
      expect(byStatus.get(status) ?? 0, status).toBeGreaterThanOrEqual(5);
    }
    // Most of the table is usable tokens, as in a real shop.
    expect(byStatus.get("ACTIVE")).toBeGreaterThan(tokens.length / 3);
  });

  it("include anonymous punch-out tokens, and tokens with and without extra, referrer and redirect", () => {
    const count = (test: (token: (typeof tokens)[number]) => boolean) => tokens.filter(test).length;
    expect(count((t) => t.userType === null)).toBeGreaterThanOrEqual(10);
    expect(count((t) => t.userType === "CONTACT")).toBeGreaterThanOrEqual(50);
    expect(count((t) => t.userType === "CUSTOMER")).toBeGreaterThanOrEqual(50);
    expect(count((t) => t.userType === null && /punch-out/i.test(t.extra ?? ""))).toBe(count((t) => t.userType === null));
    expect(count((t) => t.extra !== null)).toBeGreaterThanOrEqual(30);
    expect(count((t) => t.extra === null)).toBeGreaterThanOrEqual(30);
    expect(count((t) => t.referrer !== null)).toBeGreaterThanOrEqual(10);
    expect(count((t) => t.redirectPath !== null)).toBeGreaterThanOrEqual(10);
    expect(count((t) => t.oneTimeUse && t.usedAt === null)).toBeGreaterThanOrEqual(5);
    expect(count((t) => t.successfulAttempts > 0)).toBeGreaterThanOrEqual(50);
    expect(count((t) => t.failedAttempts > 0)).toBeGreaterThanOrEqual(10);
    for (const token of tokens) {
      if (token.referrer) expect(new URL(token.referrer).origin).toBe(token.referrer);
      if (token.redirectPath) expect(token.redirectPath).toMatch(/^\/(?![/\\])/);
    }
  });

  it("name the contact or customer they belong to, as the Name column sorts on it", () => {
    for (const token of tokens) {
      const person = token.contact ?? token.customer;
      expect(token.userName).toBe(person ? `${person.firstName} ${person.lastName}` : null);
    }
  });

  it("have stamps that agree with each other: used one-time tokens are soft-deleted at use", () => {
    const oldest = now.getTime() - 181 * 86_400_000;
    for (const token of tokens) {
      const created = token.createdAt.getTime();
      expect(created).toBeGreaterThan(oldest);
      expect(created).toBeLessThanOrEqual(now.getTime());
      if (token.lastAccessedAt) {
        expect(token.lastAccessedAt.getTime()).toBeGreaterThanOrEqual(created);
        expect(token.lastAccessedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
      if (token.usedAt) {
        expect(token.oneTimeUse).toBe(true);
        expect(token.successfulAttempts).toBeGreaterThanOrEqual(1);
        // Used up, not deleted: it stays listed with its Used status.
        expect(token.deletedAt).toBeNull();
      }
      // A one-time token that had let someone in would be used.
      if (token.oneTimeUse && !token.usedAt) expect(token.successfulAttempts).toBe(0);
      if (token.successfulAttempts + token.failedAttempts === 0) expect(token.lastAccessedAt).toBeNull();
    }
    // Creation dates spread over the months, not one burst.
    const days = new Set(tokens.map((t) => Math.floor((now.getTime() - t.createdAt.getTime()) / 86_400_000 / 30)));
    expect(days.size).toBeGreaterThanOrEqual(5);
  });

  it("were mostly created by the demo editor", async () => {
    const editor = await db.staffUser.findUniqueOrThrow({ where: { email: DEMO_EDITOR_EMAIL }, select: { id: true } });
    expect(tokens.filter((t) => t.createdByStaffId === editor.id).length).toBeGreaterThan(tokens.length * 0.8);
  });

  it("each decrypt with the keys to a well-formed value whose HMAC is the stored token_hash", () => {
    const hashes = new Set<string>();
    for (const token of tokens) {
      const value = decryptTokenValue(token.tokenCiphertext, testTokenKeys);
      expect(isWellFormedTokenValue(value)).toBe(true);
      expect(Buffer.from(hashTokenValue(value, testTokenKeys)).equals(Buffer.from(token.tokenHash))).toBe(true);
      hashes.add(Buffer.from(token.tokenHash).toString("hex"));
    }
    expect(hashes.size).toBe(tokens.length);
  });
});
