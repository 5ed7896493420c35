import { beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { apiClient, createApiKeyRow } from "@/test/api-test-kit";
import { createLoginTokenAction, searchTokenUsersAction, updateLoginTokenAction } from "@/lib/login-tokens/actions";
import { testDb } from "@/test/db";
import { createStaff, createToken, unique } from "@/test/factories";
import { signInAs } from "@/test/staff-session";

// Input a browser's form would never send, sent straight to the actions and
// the API: each is refused at the field it concerns, and nothing is written.
const YEAR = 365.25 * 86_400_000;
const FAR_DATES = [new Date(Date.now() + 10 * YEAR + 7 * 86_400_000), new Date("9999-12-31T00:00:00Z"), new Date(Date.UTC(100000, 0, 1)), new Date(8.64e15)];
const CONTROL = ["a\u0000b", "\u0000", "x\u0007y", "x\u001bz", "x\u007fy", "x\u0085y", "x\uD800y"];

let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  signInAs(await createStaff("editor"));
  api = apiClient((await createApiKeyRow()).key);
});

const newInput = (extra: string) => ({
  user: null,
  expiresAt: new Date(Date.now() + 86_400_000),
  extra,
  oneTimeUse: false,
  referrer: "",
  redirectPath: "",
  reason: "",
});
const countExtra = (extra: string) => testDb.loginToken.count({ where: { extra: { startsWith: extra } } });

describe("the create and edit actions", () => {
  it.each(FAR_DATES)("refuse an expiry more than ten years ahead (%s) at expiresAt", async (expiresAt) => {
    const extra = unique("far");
    const created = await createLoginTokenAction({ ...newInput(extra), expiresAt });
    expect(created.validationErrors?.fieldErrors).toEqual({ expiresAt: ["The expiry can be at most 10 years from now."] });
    expect(await countExtra(extra)).toBe(0);

    const token = await createToken({ extra: "unchanged" });
    const { updatedAt } = await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } });
    const edited = await updateLoginTokenAction({
      id: token.id,
      expectedUpdatedAt: updatedAt,
      expiresAt,
      extra: "changed",
      oneTimeUse: true,
      referrer: "",
      redirectPath: "",
    });
    expect(edited.validationErrors?.fieldErrors).toEqual({ expiresAt: ["The expiry can be at most 10 years from now."] });
    expect(await testDb.loginToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ extra: "unchanged" });
  });

  it("accept an expiry just under ten years ahead", async () => {
    const extra = unique("ten-years");
    const created = await createLoginTokenAction({ ...newInput(extra), expiresAt: new Date(Date.now() + 10 * 365 * 86_400_000) });
    expect(created.data?.id).toBeDefined();
  });

  it.each(CONTROL)("refuse a control character or broken character (%j) in extra, reason, referrer and redirect path, each at its field", async (bad) => {
    const extra = unique("control");
    const result = await createLoginTokenAction({
      ...newInput(`${extra}${bad}`),
      reason: bad,
      referrer: `https://shop.example${bad}`,
      redirectPath: `/shop/${bad}`,
    });
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {}).sort()).toEqual(["extra", "reason", "redirectPath", "referrer"]);
    expect(result.serverError).toBeUndefined();
    expect(await countExtra(extra)).toBe(0);
  });

  it("keep tabs and line breaks in extra and reason", async () => {
    const extra = unique("lines");
    const result = await createLoginTokenAction({ ...newInput(`${extra}\n\tPO 4711\r\n`), reason: "one\ntwo" });
    expect(result.data?.id).toBeDefined();
  });

  it.each([2_147_483_648, Number.MAX_SAFE_INTEGER, 1e300, -1, 0, 1.5])("refuse a contact id outside the column's 32 bits (%d) at user", async (id) => {
    const extra = unique("huge-id");
    const result = await createLoginTokenAction({ ...newInput(extra), user: { type: "CONTACT", id } });
    expect(result.serverError).toBeUndefined();
    expect(result.validationErrors?.fieldErrors).toEqual({ user: ["No contact or customer has this id."] });
    expect(await countExtra(extra)).toBe(0);
  });

  it("refuse an edit version no database holds, at expectedUpdatedAt", async () => {
    const token = await createToken({ extra: "unchanged" });
    const result = await updateLoginTokenAction({
      id: token.id,
      expectedUpdatedAt: new Date(8.64e15),
      expiresAt: null,
      extra: "x",
      oneTimeUse: true,
      referrer: "",
      redirectPath: "",
    });
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {})).toEqual(["expectedUpdatedAt"]);
  });
});

describe("the other text inputs of the actions", () => {
  it.each(CONTROL)("refuse %j in the user search at query", async (bad) => {
    const result = await searchTokenUsersAction({ query: `cora${bad}` });
    expect(result.serverError).toBeUndefined();
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {})).toEqual(["query"]);
  });

  it.each(CONTROL)("refuse %j in an API key's name at name, and create no key", async (bad) => {
    const name = unique("key");
    const result = await createApiKeyAction({ name: `${name}${bad}` });
    expect(result.serverError).toBeUndefined();
    expect(Object.keys(result.validationErrors?.fieldErrors ?? {})).toEqual(["name"]);
    expect(await testDb.apiKey.count({ where: { name: { startsWith: name } } })).toBe(0);
  });
});

describe("the API's create", () => {
  async function detailsOf(response: Response) {
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: { path: string; message: string }[] } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    return body.error.details;
  }

  it.each(CONTROL)("refuses %j in extra, reason and redirectPath, each at its field", async (bad) => {
    const extra = unique("api-control");
    const details = await detailsOf(await api.create({ expiresIn: 3600, extra: `${extra}${bad}`, reason: bad, redirectPath: `/shop/${bad}` }));
    expect(details.map((detail) => detail.path).sort()).toEqual(["extra", "reason", "redirectPath"]);
    expect(await countExtra(extra)).toBe(0);
  });

  it.each(FAR_DATES.filter((date) => date.getUTCFullYear() <= 9999))("refuses an expiresAt more than ten years ahead (%s)", async (date) => {
    const details = await detailsOf(await api.create({ expiresAt: date.toISOString() }));
    expect(details).toEqual([{ path: "expiresAt", message: "The expiry can be at most 10 years from now." }]);
  });

  it.each(["+100000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "294276-12-31T00:00:00Z"])(
    "refuses an expiresAt no ISO 8601 date-time writes (%s)",
    async (expiresAt) => {
      const details = await detailsOf(await api.create({ expiresAt }));
      expect(details.map((detail) => detail.path)).toEqual(["expiresAt"]);
    },
  );
});
