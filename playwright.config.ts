import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/lib/find-chromium.mjs";
import { E2E_BASE_URL, E2E_PORT } from "./e2e/e2e-env.mjs";

const chromium = findChromium();

export default defineConfig({
  testDir: "./e2e",
  // Per port, so that two runs side by side keep their traces and screenshots apart.
  outputDir: `test-results/${E2E_PORT}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${E2E_PORT}` }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
    launchOptions:
      chromium?.bundled === false
        ? {
            executablePath: chromium.path,
            args: [
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--no-first-run",
              "--disable-quic",
            ],
          }
        : {},
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
