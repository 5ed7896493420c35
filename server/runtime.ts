// How the production server is built and run, for `npm start`
// (scripts/launch.mjs), the benchmark and the end-to-end instances alike.
import path from "node:path";

/**
 * The server's bundle inside a build folder (scripts/build.mjs writes it
 * last; without it a build is not finished).
 */
export function serverBundle(root: string, distDir: string): string {
  return path.join(root, distDir, "serve", "main.mjs");
}

/** What a build is made from: a file in here newer than the build makes it stale. */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "proxy.ts",
  "next.config.js",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];

// Measured with the benchmark: the server idles at about 165 MB; with Node's
// defaults, a few thousand rendered pages and redemptions later it held
// 400-470 MB, most of it heap V8 had not needed to give back and malloc
// arenas of idle threads. With these settings it stays near 165 MB at the
// same CPU cost per request.
// - a young generation of 2 MB semi-spaces instead of 16 MB;
// - an old generation capped at 192 MB: the server's live heap after a
//   collection is well under 100 MB, so this leaves room while making V8
//   collect instead of growing;
// - two malloc arenas instead of eight per core.
export const SERVER_NODE_ARGS = ["--max-semi-space-size=2", "--max-old-space-size=192"];
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2" };
