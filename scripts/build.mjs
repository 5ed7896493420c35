// `npm run build`: the Next.js production build, then what scripts/serve.mjs
// runs itself bundled into the same folder (serve/): lib/direct-routes.ts, the
// two redemption endpoints it answers before Next.js's router, and
// lib/housekeeping.ts, the sweep it runs every few minutes. Honours
// LATCHKEY_DIST_DIR like next.config.js.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.LATCHKEY_DIST_DIR ?? ".next");

const outdir = path.join(distDir, "serve");

const next = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (next.status !== 0) process.exit(next.status ?? 1);

await build({
  entryPoints: ["direct-routes", "housekeeping"].map((name) => path.join(root, "lib", `${name}.ts`)),
  outdir,
  outExtension: { ".js": ".mjs" },
  // One copy of the modules both use (the connection pool above all).
  splitting: true,
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
console.log(`Bundled lib/direct-routes.ts and lib/housekeeping.ts into ${path.relative(root, outdir)}`);
