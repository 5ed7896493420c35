// Shared by the punch-out tests: buyers made through the service (so their
// secrets are hashed as in production), the cXML fixtures, and requests as the
// production server hands them to the handlers (client address in X-Forwarded-For).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createPunchoutBuyer } from "@/lib/punchout/buyers";
import type { NewPunchoutBuyer } from "@/lib/punchout/schemas";
import { testDb } from "@/test/db";
import { createContact, unique } from "@/test/factories";

export const RETURN_ORIGIN = "https://srm.acme.test";
const SYSTEM = { actor: { type: "SYSTEM" as const }, meta: { ip: null, userAgent: null } };

export async function createTestBuyer(
  protocol: "OCI" | "CXML",
  overrides: Partial<{ ociUsernameField: string; ociPasswordField: string; anonymous: boolean }> = {},
) {
  const contact = await createContact();
  const common = { name: unique("Acme SRM"), companyId: contact.companyId, contactId: overrides.anonymous ? null : contact.id, returnOrigins: [RETURN_ORIGIN] };
  const input: NewPunchoutBuyer =
    protocol === "OCI"
      ? {
          protocol,
          ...common,
          ociUsername: unique("ACME"),
          ociUsernameField: overrides.ociUsernameField ?? "USERNAME",
          ociPasswordField: overrides.ociPasswordField ?? "PASSWORD",
        }
      : { protocol, ...common, cxmlDomain: "networkid", cxmlIdentity: unique("AN0100") };
  const issued = await createPunchoutBuyer(input, SYSTEM);
  return { ...issued, input, contact };
}

export function cxmlFixture(name: string, values: Record<string, string>): string {
  const text = readFileSync(path.join(import.meta.dirname, "fixtures", `${name}.xml`), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
}

/** A fresh client address per test, so throttle counts never leak between tests. */
export const testAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${unique("ip")}`;

/** What a start would have made for this buyer (other test files run alongside, so nothing global is counted). */
export const punchoutRows = async (buyer: { id: string; name: string }) => ({
  sessions: await testDb.punchoutSession.count({ where: { buyerId: buyer.id } }),
  tokens: await testDb.loginToken.count({ where: { extra: { endsWith: `from ${buyer.name}` } } }),
});

export const refusalsFrom = (ip: string) => testDb.auditEvent.findMany({ where: { action: "punchout.start_failed", ip }, select: { details: true } });

export async function throttleCount(ip: string): Promise<number> {
  const rows = await testDb.rateLimitCounter.findMany({ where: { key: `punchout:ip:${ip}` }, select: { count: true } });
  return rows.reduce((sum, row) => sum + row.count, 0);
}
