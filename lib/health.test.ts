import { createServer } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/health/route";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkHealth, healthResponse } from "@/lib/health";
import { newTestClient } from "@/test/db";

/** A port that nothing listens on: the OS hands one out, and it is closed again at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

const upDb = newTestClient();
let downDb: PrismaClient | undefined;

async function unreachableDb() {
  downDb ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://latchkey:wrong@127.0.0.1:${await closedPort()}/latchkey` }) });
  return downDb;
}

afterAll(async () => {
  await upDb.$disconnect();
  await downDb?.$disconnect();
});

describe("the health check", () => {
  it("reports the database up when it answers", async () => {
    expect(await checkHealth(upDb)).toEqual({ status: "ok", database: "up" });
  });

  it("reports the database down when nothing listens on its port", async () => {
    expect(await checkHealth(await unreachableDb())).toEqual({ status: "error", database: "down" });
  });

  it("reports the database down when it does not answer in time, instead of hanging the probe", async () => {
    const hanging = { $queryRaw: () => new Promise<never>(() => {}) } as unknown as Pick<PrismaClient, "$queryRaw">;
    const started = Date.now();
    expect(await checkHealth(hanging, 100)).toEqual({ status: "error", database: "down" });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the report, never cached, from the app's own database client", async () => {
    const response = await route.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
    // Without this, Next.js could prerender the answer at build time.
    expect(route.dynamic).toBe("force-dynamic");
  });

  it("answers 503 when the database is down, with no detail of why", async () => {
    const response = await healthResponse(await unreachableDb());
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "error", database: "down" });
  });
});
