import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/queries";
import { apiClient, createApiKeyRow } from "@/test/api-test-kit";
import { createLoginTokenAction, searchTokenUsersAction, updateLoginTokenAction } from "@/lib/login-tokens/actions";
import { getLoginTokenDetails, listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { testDb } from "@/test/db";
import { createStaff, createToken } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

// Every input schema, fed what a browser's form would never send: each input
// is refused at a field it names, or stored and read back by every reader
// (the page's query and details, the API's list and show in JSON and XML)
// without an error. Against the real database, since PostgreSQL is what
// refuses a NUL, and what stores a date JavaScript cannot read.
const RUNS = { numRuns: 40 };

const awkward = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u2028",
  "\uD800",
  "\uDFFF",
  "😀",
  "€",
  "é",
  "\n",
  "\r",
  "\t",
  " ",
  "/",
  "\\",
  "%",
  "?",
  "#",
  "<",
  "&",
  '"',
  "a",
);
const text = fc.oneof(
  fc.string({ unit: awkward, maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: awkward, minLength: 3990, maxLength: 4010 }),
);
const path = fc.oneof(
  text,
  text.map((value) => `/${value}`),
  text.map((value) => `/shop/${value}`),
);
const origin = fc.oneof(
  text,
  text.map((value) => `https://${value}`),
  fc.constant("https://shop.example"),
);
const number = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
);
const YEAR = 365.25 * 86_400_000;
const date = fc.oneof(
  fc.date(),
  fc.integer({ min: -10 * 86_400_000, max: 11 * YEAR }).map((offset) => new Date(Date.now() + offset)),
  fc.constantFrom(new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(100000, 0, 1)), new Date(Number.NaN)),
);
const user = fc.oneof(fc.constant(null), fc.record({ type: fc.constantFrom("CONTACT" as const, "CUSTOMER" as const), id: number }));
const settings = {
  expiresAt: fc.option(date, { nil: null }),
  extra: text,
  oneTimeUse: fc.boolean(),
  maxUses: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: null }),
  useWindowMinutes: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: null }),
  referrer: origin,
  redirectPath: path,
};

let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  signInAs(await createStaff("editor"));
  api = apiClient((await createApiKeyRow()).key);
});

/** An action's answer to bad input: refused at one of its fields, or by the service with a message; never the generic failure. */
function expectRefusedAtAFieldOrDone(result: { data?: unknown; validationErrors?: { fieldErrors: Record<string, unknown> }; serverError?: { code: string } }) {
  expect(result.serverError?.code).not.toBe("INTERNAL");
  if (result.validationErrors) expect(Object.keys(result.validationErrors.fieldErrors).length).toBeGreaterThan(0);
  else if (!result.serverError) expect(result.data).toBeDefined();
}

/** The token read back by every reader, each answering without an error. */
async function expectReadableEverywhere(id: string) {
  const stored = await testDb.loginToken.findUniqueOrThrow({ where: { id }, select: { extra: true, redirectPath: true } });
  const params = loadLoginTokensSearchParams(new URLSearchParams({ ids: id }));
  const page = await listLoginTokens({ filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: 1, perPage: 25 });
  expect(page.rows.map((row) => row.extra)).toEqual([stored.extra]);
  expect((await getLoginTokenDetails(id))?.redirectPath).toBe(stored.redirectPath);
  for (const accept of ["application/json", "application/xml"]) {
    expect((await api.show(id, { accept })).status).toBe(200);
    expect((await api.list({ ids: id }, { accept })).status).toBe(200);
  }
  const shown = (await (await api.show(id)).json()) as { extra: string | null; redirectPath: string | null };
  expect(shown).toMatchObject({ extra: stored.extra, redirectPath: stored.redirectPath });
}

describe("every input schema, with generated input", () => {
  it("the create action refuses at a field or stores what every reader reads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ ...settings, user, reason: text }), async (input) => {
        const result = await createLoginTokenAction(input);
        expectRefusedAtAFieldOrDone(result);
        if (result.data) await expectReadableEverywhere(result.data.id);
      }),
      RUNS,
    );
  });

  it("the edit action refuses at a field or stores what every reader reads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ ...settings, expectedUpdatedAt: fc.option(date, { nil: undefined }) }), async ({ expectedUpdatedAt, ...input }) => {
        const { id } = await createToken();
        const { updatedAt } = await testDb.loginToken.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
        const result = await updateLoginTokenAction({ id, expectedUpdatedAt: expectedUpdatedAt ?? updatedAt, ...input });
        expectRefusedAtAFieldOrDone(result);
        await expectReadableEverywhere(id);
      }),
      RUNS,
    );
  });

  it("the API's create answers 201 or a catalogue refusal, and what it stores every reader reads", async () => {
    const body = fc.record(
      {
        contactId: number,
        email: text,
        expiresIn: number,
        expiresAt: fc.oneof(
          text,
          date.map((value) => (Number.isNaN(value.getTime()) ? "NaN" : value.toISOString())),
        ),
        oneTimeUse: fc.boolean(),
        extra: text,
        referrer: origin,
        redirectPath: path,
        reason: text,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const response = await api.create(input);
        expect(response.status).toBeLessThan(500);
        if (response.status === 201) await expectReadableEverywhere(((await response.json()) as { id: string }).id);
        else expect([404, 422]).toContain(response.status);
      }),
      RUNS,
    );
  });

  it("the API's list and redeem refuse bad parameters as such, never with a failure", async () => {
    const query = fc.dictionary(
      fc.constantFrom(
        "ids",
        "contactId",
        "customerId",
        "expiresAtFrom",
        "createdAtTo",
        "failedAttempts",
        "status",
        "limit",
        "cursor",
        "__proto__",
        "constructor",
      ),
      fc.oneof(
        text,
        number.map(String),
        date.map((value) => (Number.isNaN(value.getTime()) ? "x" : value.toISOString())),
      ),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.record({ token: text, referrer: origin }, { requiredKeys: [] }), async (params, redeem) => {
        expect([200, 422]).toContain((await api.list(params)).status);
        // Its failures count against this key's throttle, which may then answer 429.
        expect([200, 422, 429]).toContain((await api.redeem(redeem)).status);
      }),
      RUNS,
    );
  });

  it("the API key and user search actions refuse at their field or work, and the key list reads what was stored", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const created = await createApiKeyAction({ name: value });
        expectRefusedAtAFieldOrDone(created);
        if (created.data) expect((await listApiKeys()).map((key) => key.id)).toContain(created.data.id);
        expectRefusedAtAFieldOrDone(await searchTokenUsersAction({ query: value }));
      }),
      RUNS,
    );
  });
});
