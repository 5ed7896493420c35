import { vi } from "vitest";
import { signedInSessionId, testRequestHeaders } from "./staff-session";

// Server actions run here without a Next.js request around them: the session
// cookie, the request headers and the cache are what lies outside the unit.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: vi.fn(async () => {
    const sessionId = await signedInSessionId();
    return sessionId ? { sessionId, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
  }),
}));

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: vi.fn(async () => testRequestHeaders()),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));
