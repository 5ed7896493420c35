// The installation's configuration lies outside every unit under test: a test
// states the settings it relies on in `installation.env`, over those of the
// test environment, and they are dropped after it. A test file opts in with
//   vi.mock("@/lib/env", (importOriginal) => import("@/test/installation-env").then((kit) => kit.withInstallationEnv(importOriginal)));
import { afterEach } from "vitest";
import type * as EnvModule from "@/lib/env";

export const installation: { env: Partial<EnvModule.Env> } = { env: {} };

afterEach(() => {
  installation.env = {};
});

/** lib/env as it is, with the present test's settings over the installation's. */
export async function withInstallationEnv(importOriginal: () => Promise<typeof EnvModule>): Promise<typeof EnvModule> {
  const actual = await importOriginal();
  return { ...actual, env: () => ({ ...actual.env(), ...installation.env }) };
}
