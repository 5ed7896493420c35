import { describe, expect, it } from "vitest";
import { loadLoginTokensSearchParams } from "@/lib/login-tokens/search-params";
import { loginTokenFiltersFromSearchParams } from "@/lib/login-tokens/search-params-filters";
import { startOfDayIn } from "@/lib/url-parsers";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const filtersOf = (query: string) => loginTokenFiltersFromSearchParams(loadLoginTokensSearchParams(new URLSearchParams(query)));

describe("the days of the date filters", () => {
  it("begin at midnight in the named time zone, across daylight-saving changes", () => {
    expect(startOfDayIn(day("2026-03-29"), "Europe/Amsterdam").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn(day("2026-03-30"), "Europe/Amsterdam").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayIn(day("2026-11-02"), "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(startOfDayIn(day("2026-06-15"), "UTC").toISOString()).toBe("2026-06-15T00:00:00.000Z");
  });

  it("include their last day: a range ends where the next day begins", () => {
    expect(filtersOf("createdFrom=2026-03-28&createdTo=2026-03-29&tz=Europe/Amsterdam").createdAt).toEqual({
      from: new Date("2026-03-27T23:00:00.000Z"),
      to: new Date("2026-03-29T22:00:00.000Z"),
    });
    expect(filtersOf("expiresTo=2026-06-15").expiresAt).toEqual({ to: new Date("2026-06-16T00:00:00.000Z") });
  });

  it("translate every other URL filter into the shared filter contract", () => {
    expect(filtersOf("ids=a1,b2&user=customer:7&successful=gte:2&failed=ne:0&oneTimeUse=no&status=locked")).toEqual({
      ids: ["a1", "b2"],
      user: { type: "CUSTOMER", id: 7 },
      userType: null,
      expiresAt: {},
      createdAt: {},
      updatedAt: {},
      successfulAttempts: { op: "gte", value: 2 },
      failedAttempts: { op: "ne", value: 0 },
      oneTimeUse: false,
      maxUses: null,
      punchoutBuyer: null,
      status: "LOCKED",
    });
  });
});
