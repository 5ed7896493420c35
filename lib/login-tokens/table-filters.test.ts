import { beforeAll, describe, expect, it } from "vitest";
import { listLoginTokensForApi } from "@/lib/api/login-tokens";
import { listLoginTokensQuerySchema } from "@/lib/api/schemas";
import { listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams, loginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { LOGIN_TOKEN_FILTERS, LOGIN_TOKEN_FILTER_LIST, loginTokenFiltersSchema, type LoginTokenFilterContext } from "@/lib/login-tokens/table-filters";
import { createTestBuyer, RETURN_ORIGIN } from "@/lib/punchout/punchout-test-kit";
import { startPunchout } from "@/lib/punchout/start";
import { clearFilters, filterChips } from "@/lib/table-filters";
import { createContact, createToken } from "@/test/factories";

const NO_CONTEXT: LoginTokenFilterContext = { user: null, userDetails: null, punchoutBuyers: [] };

let t: Record<"once" | "fiveUses" | "unlimited" | "punchout" | "otherPunchout", string>;
let buyer: Awaited<ReturnType<typeof createTestBuyer>>;

async function punchoutFor(of: Awaited<ReturnType<typeof createTestBuyer>>) {
  const started = await startPunchout({
    buyer: { id: of.id, name: of.input.name, protocol: of.input.protocol, companyName: "Acme", contact: null },
    returnUrl: `${RETURN_ORIGIN}/return`,
    buyerCookie: null,
    ociTarget: null,
    extrinsics: null,
    meta: { ip: null, userAgent: null },
  });
  if (!started) throw new Error("The test buyer is disabled.");
  return started.tokenId;
}

beforeAll(async () => {
  const contact = await createContact();
  const make = (overrides: Parameters<typeof createToken>[0]) => createToken({ contactId: contact.id, ...overrides }).then((token) => token.id);
  buyer = await createTestBuyer("OCI", { anonymous: true });
  const otherBuyer = await createTestBuyer("CXML", { anonymous: true });
  t = {
    once: await make({ oneTimeUse: true }),
    fiveUses: await make({ oneTimeUse: false, maxUses: 5 }),
    unlimited: await make({ oneTimeUse: false, maxUses: null }),
    punchout: await punchoutFor(buyer),
    otherPunchout: await punchoutFor(otherBuyer),
  };
});

const pageFor = (query: string) => {
  const params = loadLoginTokensSearchParams(new URLSearchParams(query));
  return listLoginTokens({ filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, page: 1, perPage: 100 });
};
// Among this file's tokens only: the database is shared with the other suites.
const scope = () => Object.values(t).join(",");
const urlIds = async (query: string) => (await pageFor(`ids=${scope()}&${query}`)).rows.map((row) => row.id).sort();
const apiIds = async (query: Record<string, string>) =>
  (await listLoginTokensForApi(listLoginTokensQuerySchema.parse({ ids: scope(), ...query }))).data.map((row) => row.id).sort();

describe("the Max uses filter", () => {
  it("finds one-time tokens, tokens for N uses and unlimited ones, as they are stored", async () => {
    // A punch-out's token is one-time too.
    expect(await urlIds("maxUses=once")).toEqual([t.once, t.punchout, t.otherPunchout].sort());
    expect(await urlIds("maxUses=limited")).toEqual([t.fiveUses]);
    expect(await urlIds("maxUses=unlimited")).toEqual([t.unlimited]);
  });

  it("is the API's maxUses parameter, with a clear message for a value it does not know", async () => {
    expect(await apiIds({ maxUses: "limited" })).toEqual([t.fiveUses]);
    expect(await apiIds({ maxUses: "unlimited" })).toEqual([t.unlimited]);
    const refused = listLoginTokensQuerySchema.safeParse({ maxUses: "twice" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["maxUses"], message: "Use once, limited, unlimited." });
  });

  it("shows its choice as a chip", () => {
    const params = loadLoginTokensSearchParams(new URLSearchParams("maxUses=limited"));
    expect(filterChips(LOGIN_TOKEN_FILTERS, params, NO_CONTEXT)).toEqual([{ id: "maxUses", label: "Max uses: N times" }]);
  });
});

describe("the Punch-out buyer filter", () => {
  it("finds the tokens the buyer's punch-outs minted, and the row names the buyer", async () => {
    const page = await pageFor(`buyer=${buyer.id}`);
    expect(page.rows.map((row) => row.id)).toEqual([t.punchout]);
    expect(page.rows[0]!.punchoutBuyer).toEqual({ id: buyer.id, name: buyer.input.name });
    // Tokens that no punch-out minted have no buyer.
    expect((await pageFor(`ids=${t.once}`)).rows[0]!.punchoutBuyer).toBeNull();
  });

  it("is the API's punchoutBuyerId parameter", async () => {
    expect(await apiIds({ punchoutBuyerId: buyer.id.toUpperCase() })).toEqual([t.punchout]);
    expect(listLoginTokensQuerySchema.safeParse({ punchoutBuyerId: "acme" }).error?.issues[0]).toMatchObject({
      path: ["punchoutBuyerId"],
      message: "Use the punch-out buyer's id (a UUID).",
    });
  });

  it("names the buyer in its chip", () => {
    const params = loadLoginTokensSearchParams(new URLSearchParams(`buyer=${buyer.id}`));
    const context = { ...NO_CONTEXT, punchoutBuyers: [{ id: buyer.id, name: "Acme SRM" }] };
    expect(filterChips(LOGIN_TOKEN_FILTERS, params, context)).toEqual([{ id: "punchoutBuyer", label: "Punch-out buyer: Acme SRM" }]);
  });
});

describe("what is derived from the declarations", () => {
  it("gives every URL parameter of a filter to the table's URL contract, and every API parameter to the list query", () => {
    for (const [, filter] of LOGIN_TOKEN_FILTER_LIST) {
      for (const param of Object.keys(filter.url)) expect(loginTokensSearchParams).toHaveProperty(param);
      for (const param of Object.keys(filter.api?.params ?? {})) expect(listLoginTokensQuerySchema.shape).toHaveProperty(param);
    }
    expect(Object.keys(loginTokenFiltersSchema.shape)).toEqual(LOGIN_TOKEN_FILTER_LIST.map(([id]) => id));
  });

  it("clears a chip's own parameters, and the time zone with the last date filter", () => {
    const params = loadLoginTokensSearchParams(new URLSearchParams("createdFrom=2026-06-01&expiresTo=2026-07-01&maxUses=once&tz=Europe/Amsterdam"));
    const chips = filterChips(LOGIN_TOKEN_FILTERS, params, NO_CONTEXT);
    expect(chips.map((chip) => chip.id)).toEqual(["expiresAt", "createdAt", "maxUses"]);
    expect(clearFilters(LOGIN_TOKEN_FILTERS, ["createdAt"], chips, "tz")).toEqual({ createdFrom: null, createdTo: null });
    expect(clearFilters(LOGIN_TOKEN_FILTERS, ["createdAt", "expiresAt"], chips, "tz")).toEqual({
      createdFrom: null,
      createdTo: null,
      expiresFrom: null,
      expiresTo: null,
      tz: null,
    });
  });

  it("validates the panel's drafts with each filter's own schema", () => {
    const [ids, successfulAttempts] = [LOGIN_TOKEN_FILTERS.ids.draft!, LOGIN_TOKEN_FILTERS.successfulAttempts.draft!];
    expect(ids.schema.safeParse("abc, def\nghi").success).toBe(true);
    expect(ids.schema.safeParse("not/an id").error?.issues[0]?.message).toBe("Enter up to 100 token values or ids, separated by commas, spaces or new lines.");
    expect(successfulAttempts.schema.safeParse({ op: "gte", value: "1.5" }).error?.issues[0]?.message).toBe("Enter a whole number of 0 or more.");
    expect(successfulAttempts.toUrl({ op: "gte", value: " 3 " })).toEqual({ successful: { op: "gte", value: 3 } });
    expect(successfulAttempts.toUrl({ op: "any", value: "" })).toEqual({ successful: null });
  });
});
