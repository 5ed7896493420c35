import { describe, expect, it } from "vitest";
import { cn, safeRelativePath } from "@/lib/utils";

describe("cn", () => {
  it("lets the later Tailwind class win", () => {
    expect(cn("px-2 text-sm", false, "px-4")).toBe("text-sm px-4");
  });
});

describe("safeRelativePath", () => {
  it.each(["/", "/users/login-tokens", "/users/login-tokens?page=2&sort=name.asc", "/a#b"])("keeps %s", (path) => {
    expect(safeRelativePath(path)).toBe(path);
  });

  it.each([
    undefined,
    null,
    42,
    ["/users"],
    "",
    "users",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\t/evil.example",
    "/users\\..\\x",
    "javascript:alert(1)",
    "/a/..//evil.example/",
    "/\u0000/x",
    "/\u0085x",
  ])("refuses %j", (value) => {
    expect(safeRelativePath(value)).toBe("/");
  });

  it("percent-encodes what a Location header cannot carry, and resolves dot segments", () => {
    expect(safeRelativePath("/shop/€uro?q=ä#ß")).toBe("/shop/%E2%82%ACuro?q=%C3%A4#%C3%9F");
    expect(safeRelativePath("/shop/%E2%82%ACuro")).toBe("/shop/%E2%82%ACuro");
    expect(safeRelativePath("/shop/a/../😀")).toBe("/shop/%F0%9F%98%80");
    expect(safeRelativePath("/\uD800")).toBe("/%EF%BF%BD");
  });

  it("uses the fallback it is given", () => {
    expect(safeRelativePath("//x", "/users/login-tokens")).toBe("/users/login-tokens");
  });
});
