// Which Chromium the end-to-end tests drive: Playwright's own build when it is
// installed, else the system's (Debian's /usr/bin/chromium), else none.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium() {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, bundled: true };
  } catch {
    // Playwright throws when its browsers were never downloaded.
  }
  const system = SYSTEM_CHROMIUMS.find((candidate) => existsSync(candidate));
  return system ? { path: system, bundled: false } : null;
}
