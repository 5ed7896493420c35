// `npm test`: lint, typecheck, unit and integration tests (Vitest on a real
// PostgreSQL), then the end-to-end suite (Playwright in Chromium against the
// production build), then a smoke run of the benchmark on that same build.
// Stops at the first step that fails.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./lib/find-chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function step(title, command, args, options = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

function ensureChromium() {
  if (findChromium()) return;
  console.log("No Chromium found; trying Playwright's own download…");
  if (spawnSync(bin("playwright"), ["install", "chromium"], { cwd: root, stdio: "inherit" }).status === 0 && findChromium()) return;
  if (process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    console.log("Installing Debian's chromium with apt-get…");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
    if (findChromium()) return;
  }
  console.error("The end-to-end tests need Chromium. Install one of:\n  npx playwright install chromium\n  sudo apt-get install chromium   (Debian/Ubuntu)");
  process.exit(1);
}

const only = process.argv[2];
if (!only || only === "static") {
  step("lint", bin("eslint"), ["."]);
  step("format check", bin("prettier"), ["--check", "."]);
  step("typecheck", bin("tsc"), ["--noEmit"]);
}
if (!only || only === "unit") step("unit and integration tests", bin("vitest"), ["run"]);
if (!only || only === "e2e") {
  ensureChromium();
  step("end-to-end tests", bin("playwright"), ["test", ...process.argv.slice(3)]);
}
if (!only || only === "bench") step("benchmark smoke", bin("tsx"), ["bench/smoke.ts"]);
