import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";

/** A logger that writes into memory, at a level that prints, whatever LOG_LEVEL the tests run with. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(stream, "info");
  return { logger, output: () => lines.join(""), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("the logger", () => {
  it("prints a request's context without its token, authorization, cookie, password or API key", () => {
    const { logger, output, records } = memoryLogger();
    logger.info(
      { token: "abc", req: { headers: { authorization: "Bearer x", cookie: "c", "user-agent": "Mozilla/5.0" } }, password: "p", apiKey: "k", tokenId: "7f1c" },
      "token redeemed",
    );

    // The line is printed, with what an operator needs to follow the request.
    const [record] = records();
    expect(record).toMatchObject({ msg: "token redeemed", tokenId: "7f1c", service: "latchkey", req: { headers: { "user-agent": "Mozilla/5.0" } } });
    expect(record).toMatchObject({
      token: "[redacted]",
      password: "[redacted]",
      apiKey: "[redacted]",
      req: { headers: { authorization: "[redacted]", cookie: "[redacted]" } },
    });
    for (const secret of ['"abc"', "Bearer x", '"c"', '"p"', '"k"']) expect(output()).not.toContain(secret);
  });

  it("hides a login link and a token value carried one level down", () => {
    const { logger, output } = memoryLogger();
    const value = "Q2hhbmdlIG1lIGluIHByb2R1Y3Rpb24gcGxlYXNlISE";
    logger.warn(
      { url: `https://shop.example.com/login/token?t=${value}`, query: { t: value }, body: { token: value, tokenValue: value, password: "hunter2-secret" } },
      "odd request",
    );

    expect(output()).toContain("odd request");
    expect(output()).not.toContain(value);
    expect(output()).not.toContain("hunter2-secret");
  });
});
