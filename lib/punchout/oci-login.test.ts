import { beforeAll, describe, expect, it } from "vitest";
import { handleOciLogin } from "@/lib/punchout/oci-login";
import { createTestBuyer, punchoutRows, refusalsFrom, RETURN_ORIGIN, testAddress, throttleCount } from "@/lib/punchout/punchout-test-kit";
import { testDb } from "@/test/db";

type Buyer = Awaited<ReturnType<typeof createTestBuyer>>;
let buyer: Buyer;
let username: string;

// This buyer's procurement system names its credential fields its own way.
const USER_FIELD = "CATALOG_LOGIN";
const PASSWORD_FIELD = "CATALOG_PW";

beforeAll(async () => {
  buyer = await createTestBuyer("OCI", { ociUsernameField: USER_FIELD, ociPasswordField: PASSWORD_FIELD, anonymous: true });
  username = buyer.input.protocol === "OCI" ? buyer.input.ociUsername : "";
});

const HOOK_URL = `${RETURN_ORIGIN}/sap/bc/srm/oci_return?sap-client=100`;

function loginFields(overrides: Record<string, string | null> = {}): URLSearchParams {
  const fields: Record<string, string | null> = {
    [USER_FIELD]: username,
    [PASSWORD_FIELD]: buyer.secret,
    HOOK_URL,
    "~TARGET": "_parent",
    "~OkCode": "ADDI",
    "~CALLER": "CTLG",
    ...overrides,
  };
  return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));
}

async function login(fields: URLSearchParams, method: "GET" | "POST" = "POST", ip = testAddress()) {
  const url = method === "GET" ? `http://localhost:3999/punchout/oci?${fields}` : "http://localhost:3999/punchout/oci";
  const response = await handleOciLogin(
    new Request(url, {
      method,
      headers: { "x-forwarded-for": ip, "user-agent": "vitest", ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: method === "POST" ? fields.toString() : undefined,
    }),
  );
  return { response, ip, location: response.headers.get("location") };
}

async function startedSession(location: string | null) {
  expect(location).toMatch(/^\/login\/token\?t=[A-Za-z0-9_-]{43}$/);
  const events = await testDb.punchoutSession.findMany({
    where: { buyerId: buyer.id },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { returnUrl: true, ociTarget: true, protocol: true, loginToken: { select: { contactId: true, oneTimeUse: true } } },
  });
  return events[0];
}

async function expectRefused(fields: URLSearchParams, reason: string, withBuyer: boolean) {
  const before = await punchoutRows(buyer);
  const { response, location, ip } = await login(fields);
  expect(response.status).toBe(303);
  expect(location).toBe("/punchout/refused");
  expect(await punchoutRows(buyer)).toEqual(before);
  expect(await throttleCount(ip)).toBe(1);
  const refusals = await refusalsFrom(ip);
  expect(refusals).toHaveLength(1);
  expect(refusals[0]?.details).toMatchObject({ protocol: "OCI", reason, ...(withBuyer ? { buyerId: buyer.id } : {}) });
}

describe("/punchout/oci", () => {
  it("signs a POSTed OCI login with the buyer's own field names into a one-time start link, keeping HOOK_URL and ~TARGET", async () => {
    const { response, location, ip } = await login(loginFields());
    expect(response.status).toBe(303);
    const session = await startedSession(location);
    expect(session).toMatchObject({ protocol: "OCI", returnUrl: HOOK_URL, ociTarget: "_parent", loginToken: { contactId: null, oneTimeUse: true } });
    expect(await testDb.auditEvent.count({ where: { action: "punchout.started", ip } })).toBe(1);
  });

  it("accepts the same fields sent with GET, as many SAP systems do, and defaults ~TARGET to _top", async () => {
    const { response, location } = await login(loginFields({ "~TARGET": null }), "GET");
    expect(response.status).toBe(303);
    expect(await startedSession(location)).toMatchObject({ returnUrl: HOOK_URL, ociTarget: "_top" });
  });

  it("refuses a wrong password, audited with the buyer", async () => {
    await expectRefused(loginFields({ [PASSWORD_FIELD]: "guess" }), "wrong password", true);
  });

  it("refuses the right credentials under field names the buyer does not use", async () => {
    await expectRefused(loginFields({ [USER_FIELD]: null, [PASSWORD_FIELD]: null, USERNAME: username, PASSWORD: buyer.secret }), "unknown username", false);
  });

  it("refuses a HOOK_URL outside the buyer's origins", async () => {
    for (const hook of ["https://evil.example/hook", `${RETURN_ORIGIN}.evil.example/hook`, "javascript:alert(1)", ""]) {
      await expectRefused(loginFields({ HOOK_URL: hook }), "HOOK_URL not allowed", true);
    }
  });

  it("refuses an unknown username and a body that is not a form", async () => {
    await expectRefused(loginFields({ [USER_FIELD]: "NOBODY" }), "unknown username", false);
    const { response, location } = await handleOciLogin(
      new Request("http://localhost:3999/punchout/oci", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": testAddress() },
        body: "{}",
      }),
    ).then((r) => ({ response: r, location: r.headers.get("location") }));
    expect(response.status).toBe(303);
    expect(location).toBe("/punchout/refused");
  });
});
