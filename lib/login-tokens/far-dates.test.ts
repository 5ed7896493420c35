import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { apiClient, createApiKeyRow } from "@/test/api-test-kit";
import { getLoginTokenDetails, listLoginTokens } from "@/lib/login-tokens/queries";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { pool } from "@/lib/pg";
import { LATEST_READABLE_DATE } from "@/lib/readable-date";
import { createContact, createToken } from "@/test/factories";

// Dates PostgreSQL stores and JavaScript cannot read as they are: past the
// year 9999 (no ISO 8601 form, and Prisma's Invalid Date), past Date's own
// limit in 275760, and PostgreSQL's last year. The product refuses them
// (expiries are bounded), so here they are put into rows by SQL.
const FAR = ["10000-01-01 00:00:00+00", "100000-01-01 00:00:00+00", "275760-09-14 00:00:00+00", "294276-12-31 00:00:00+00"];
const LATEST = LATEST_READABLE_DATE.toISOString();

let contactId: number;
let ids: string[];
let values: string[];
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  api = apiClient((await createApiKeyRow()).key);
  contactId = (await createContact()).id;
  const tokens = await Promise.all(FAR.map(() => createToken({ contactId })));
  ids = tokens.map((token) => token.id);
  values = tokens.map((token) => token.value);
  for (const [index, id] of ids.entries()) {
    await pool().query("UPDATE login_tokens SET expires_at = $1::timestamptz, last_accessed_at = $1::timestamptz WHERE id = $2", [FAR[index], id]);
  }
});

describe("a stored date JavaScript cannot represent", () => {
  it("reads as the latest readable instant in the API's list, for everyone and filtered, in JSON and XML", async () => {
    const everyone = await api.list({ limit: "100" });
    expect(everyone.status).toBe(200);
    const filtered = await api.list({ contactId: String(contactId) });
    expect(filtered.status).toBe(200);
    const body = (await filtered.json()) as { data: { id: string; expiresAt: string; lastAccessedAt: string }[] };
    expect(body.data.map((token) => token.id).sort()).toEqual([...ids].sort());
    for (const token of body.data) expect(token).toMatchObject({ expiresAt: LATEST, lastAccessedAt: LATEST });

    const xml = await api.list({ contactId: String(contactId) }, { accept: "application/xml" });
    expect(xml.status).toBe(200);
    const parsed = new XMLParser().parse(await xml.text()) as { loginTokens: { data: { loginToken: { expiresAt: string }[] } } };
    expect(parsed.loginTokens.data.loginToken.map((token) => token.expiresAt)).toEqual(FAR.map(() => LATEST));
  });

  it("reads so in the API's show, in JSON and XML", async () => {
    for (const id of ids) {
      const shown = await api.show(id);
      expect(shown.status).toBe(200);
      expect(((await shown.json()) as { expiresAt: string }).expiresAt).toBe(LATEST);
      const xml = await api.show(id, { accept: "application/xml" });
      expect(xml.status).toBe(200);
      expect(await xml.text()).toContain(`<expiresAt>${LATEST}</expiresAt>`);
    }
  });

  it("reads so on the page, in every sort by expiry and through its cursors, and in the token's details", async () => {
    for (const sort of ["expiresAt.asc", "expiresAt.desc", "lastAccessedAt.desc", "createdAt.desc"]) {
      const params = loadLoginTokensSearchParams(new URLSearchParams(`user=contact:${contactId}&sort=${sort}&perPage=25`));
      const request = { filters: loginTokenFiltersFromSearchParams(params), sort: params.sort, perPage: 25 };
      const first = await listLoginTokens({ ...request, page: 1 });
      expect(first.rows).toHaveLength(FAR.length);
      for (const row of first.rows) expect(row.expiresAt).toEqual(LATEST_READABLE_DATE);
      // Cursors are made of the page's edge rows, their dates included.
      const last = await listLoginTokens({ ...request, page: 1 }, { countCap: 2 });
      if (last.links.next?.cursor)
        await expect(listLoginTokens({ ...request, page: 2, cursor: last.links.next.cursor }, { countCap: 2 })).resolves.toBeDefined();
    }
    for (const id of ids) expect((await getLoginTokenDetails(id))?.expiresAt).toEqual(LATEST_READABLE_DATE);
  });

  it("still redeems through the API, and the answer says the latest readable instant", async () => {
    const response = await api.redeem({ token: values[3] });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { expiresAt: string }).expiresAt).toBe(LATEST);
  });
});
