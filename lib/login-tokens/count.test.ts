import { describe, expect, it } from "vitest";
import { countLoginTokensCapped } from "@/lib/login-tokens/count";
import { loginTokenFiltersSchema } from "@/lib/login-tokens/table-filters";
import { loginTokenWhere } from "@/lib/login-tokens/where";
import { createContact, createToken } from "@/test/factories";

async function contactWithTokens(live: number, deleted: number) {
  const contact = await createContact();
  for (let i = 0; i < live; i++) await createToken({ contactId: contact.id });
  for (let i = 0; i < deleted; i++) await createToken({ contactId: contact.id, deletedAt: new Date() });
  return loginTokenWhere(loginTokenFiltersSchema.parse({ user: { type: "CONTACT", id: contact.id } }));
}

describe("countLoginTokensCapped", () => {
  it("counts exactly up to the cap", async () => {
    const where = await contactWithTokens(5, 2);
    expect(await countLoginTokensCapped(where, { cap: 10 })).toEqual({ total: 5, totalIsCapped: false });
    expect(await countLoginTokensCapped(where, { cap: 5 })).toEqual({ total: 5, totalIsCapped: false });
  });

  it("says 'more than the cap' beyond it", async () => {
    const where = await contactWithTokens(5, 0);
    expect(await countLoginTokensCapped(where, { cap: 4 })).toEqual({ total: 4, totalIsCapped: true });
    expect(await countLoginTokensCapped(where, { cap: 1 })).toEqual({ total: 1, totalIsCapped: true });
  });

  it("counts nothing for a view with no rows", async () => {
    expect(await countLoginTokensCapped(await contactWithTokens(0, 3), { cap: 10 })).toEqual({ total: 0, totalIsCapped: false });
  });

  it("treats a cap below one as one", async () => {
    expect(await countLoginTokensCapped(await contactWithTokens(2, 0), { cap: 0 })).toEqual({ total: 1, totalIsCapped: true });
  });
});
