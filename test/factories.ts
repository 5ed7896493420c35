import { randomInt, randomUUID } from "node:crypto";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { CreateLoginTokenInput } from "@/lib/login-tokens/schemas";
import { hashTokenValue, issueTokenValue, tokenKeysFrom } from "@/lib/login-tokens/token-crypto";
import { testDb } from "./db";
import { NO_PASSWORD, userTypeOf, type TokenOverrides } from "./token-columns";
import { TEST_ENV } from "./test-env";

export const testTokenKeys = tokenKeysFrom(TEST_ENV.TOKEN_HMAC_KEY, TEST_ENV.TOKEN_ENCRYPTION_KEY);

/** Unique per call, so tests never collide on unique columns. */
export const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

// The webshop sets people's ids. Tests draw single ids at random below
// BLOCKS_FROM, blocks of consecutive ids above it, and name ids from
// 2,000,000,000 on as ones no row has.
const BLOCKS_FROM = 1_900_000_000;
const BLOCKS_TO = 2_000_000_000;

/** An id at random, as unlikely to be another test's as `unique`. */
export const personId = () => randomInt(1, BLOCKS_FROM);

/** The first of `size` consecutive ids, from a range where no single id is drawn: a block of many thousand ids would otherwise take another test's. */
export const personIdBlock = (size: number) => BLOCKS_FROM + randomInt(0, BLOCKS_TO - BLOCKS_FROM - size);

export const PRINCIPALS = {
  editor: { roles: ["CONFIGURATION"] as StaffRole[], viewer: false },
  viewer: { roles: ["CONFIGURATION"] as StaffRole[], viewer: true },
  noConfiguration: { roles: ["ORDERS"] as StaffRole[], viewer: false },
  administrator: { roles: [] as StaffRole[], viewer: false, administrator: true },
};

export function createStaff(kind: keyof typeof PRINCIPALS, name = unique(kind)) {
  return testDb.staffUser.create({
    data: { email: `${name}@staff.test`, name, passwordHash: NO_PASSWORD, ...PRINCIPALS[kind] },
    select: { id: true, email: true, name: true, roles: true, viewer: true, administrator: true },
  });
}

export async function createCompany() {
  return testDb.company.create({ data: { id: personId(), name: unique("Company") } });
}

export async function createContact(overrides: { firstName?: string; lastName?: string } = {}) {
  const company = await createCompany();
  const tag = unique("contact");
  return testDb.contact.create({
    data: { id: personId(), companyId: company.id, firstName: overrides.firstName ?? "Cora", lastName: overrides.lastName ?? tag, email: `${tag}@buyer.test` },
  });
}

export async function createCustomer(overrides: { firstName?: string; lastName?: string } = {}) {
  const tag = unique("customer");
  return testDb.customer.create({
    data: { id: personId(), firstName: overrides.firstName ?? "Cyril", lastName: overrides.lastName ?? tag, email: `${tag}@shopper.test` },
  });
}

/** A token row made directly, with its secret value returned for the test to use. */
export async function createToken(overrides: TokenOverrides = {}) {
  const { value, tokenHash, tokenCiphertext } = issueTokenValue(testTokenKeys);
  const row = await testDb.loginToken.create({
    data: { tokenHash, tokenCiphertext, userType: userTypeOf(overrides), ...overrides },
    select: { id: true },
  });
  return { id: row.id, value };
}

/** A valid New Login Token input: anonymous, for a day, reusable, nothing else set; a test overrides what it concerns. */
export const newTokenInput = (overrides: Partial<CreateLoginTokenInput> = {}): CreateLoginTokenInput => ({
  user: null,
  expiresAt: new Date(Date.now() + 86_400_000),
  extra: "",
  oneTimeUse: false,
  referrer: "",
  redirectPath: "",
  reason: "",
  ...overrides,
});

export { hashTokenValue };
