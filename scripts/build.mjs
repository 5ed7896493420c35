// `npm run build`: the Next.js production build, then the production server
// (server/main.ts, with the redemption endpoints it answers itself and its
// background sweep) bundled into the same folder as serve/main.mjs, the file
// server/runtime.ts names. Honours LATCHKEY_DIST_DIR like next.config.js.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.LATCHKEY_DIST_DIR ?? ".next");
const outfile = path.join(distDir, "serve", "main.mjs");

const next = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (next.status !== 0) process.exit(next.status ?? 1);

await build({
  entryPoints: [path.join(root, "server", "main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: path.join(root, "tsconfig.json"),
  // Packages load from node_modules at run time, as in the Next.js server
  // bundle; `server-only` is bundled as its server build, which is empty.
  packages: "external",
  alias: { "server-only": path.join(root, "node_modules", "server-only", "empty.js") },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
console.log(`Bundled server/main.ts into ${path.relative(root, outfile)}`);
