import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { errorResponse, negotiateFormat, toXml } from "@/lib/api/respond";

describe("negotiateFormat", () => {
  it.each([
    [null, "json"],
    ["", "json"],
    ["*/*", "json"],
    ["application/*", "json"],
    ["application/json", "json"],
    ["application/xml", "xml"],
    ["text/xml", "xml"],
    ["APPLICATION/XML; charset=utf-8", "xml"],
    ["application/xml, application/json", "json"],
    ["application/xml, */*", "xml"],
    ["application/json;q=0.5, application/xml", "xml"],
    ["application/xml;q=0.9, application/json;q=0.9", "json"],
    // A browser's default Accept prefers XML over anything else the API can give.
    ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"],
    ["text/csv, */*;q=0.1", "json"],
    ["text/csv", null],
    ["application/json;q=0", null],
    ["application/json;q=0, */*;q=0", null],
    ["application/json;q=abc", null],
    ["image/*", null],
  ] as const)("reads %j as %s", (accept, format) => {
    expect(negotiateFormat(accept)).toBe(format);
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });

describe("toXml", () => {
  it("escapes markup, marks nulls nil, and names array items", () => {
    const text = toXml({ name: "<b>&'\"", none: null, empty: "", n: 3, yes: true, list: [{ id: 1 }, { id: 2 }] }, { root: "thing", items: { list: "entry" } });
    expect(text).toContain("<name>&lt;b&gt;&amp;&apos;&quot;</name>");
    expect(text).toContain('<none nil="true"/>');
    expect(parser.parse(text).thing).toEqual({
      name: "<b>&'\"",
      none: { "@_nil": "true" },
      empty: "",
      n: "3",
      yes: "true",
      list: { entry: [{ id: "1" }, { id: "2" }] },
    });
  });

  it("replaces characters XML 1.0 cannot carry, so the document always parses", () => {
    const text = toXml({ extra: "bell\u0007 nul\u0000 ok\ttab" }, { root: "t" });
    expect(parser.parse(text).t.extra).toBe("bell\uFFFD nul\uFFFD ok\ttab");
  });

  it("writes dates as JSON does", () => {
    const at = new Date("2026-11-24T10:00:00.123Z");
    expect(parser.parse(toXml({ at }, { root: "t" })).t.at).toBe("2026-11-24T10:00:00.123Z");
  });
});

describe("errorResponse", () => {
  it("answers in JSON when no format was acceptable", async () => {
    const response = errorResponse(null, new ApiError("NOT_ACCEPTABLE"));
    expect(response.status).toBe(406);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await response.json()).error.code).toBe("NOT_ACCEPTABLE");
  });

  it("leaves details out when there are none, and carries headers such as Retry-After", async () => {
    const response = errorResponse("json", new ApiError("RATE_LIMITED", { headers: { "Retry-After": "30" } }));
    expect(response.headers.get("retry-after")).toBe("30");
    expect(Object.keys((await response.json()).error)).toEqual(["code", "message", "solution"]);
  });
});
