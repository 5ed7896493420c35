import { describe, expect, it, vi } from "vitest";

describe("the people API's schemas", () => {
  it("load after the people schemas the pages use, whichever module comes first", async () => {
    vi.resetModules();
    await import("@/lib/people/schemas");
    const { PEOPLE_ENDPOINTS } = await import("@/lib/api/people-schemas");
    const { openApiDocument } = await import("@/lib/api/openapi");
    expect(PEOPLE_ENDPOINTS.putContact.path).toBe("/api/v1/contacts/{id}");
    const document = openApiDocument("http://localhost:3999") as unknown as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
    };
    expect(document.components.schemas.ContactInput!.properties.companyId!.description).toMatch(/COMPANY_UNKNOWN/);
  });
});
