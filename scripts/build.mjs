// `npm run build`: the Next.js production build, then lib/direct-routes.ts
// bundled into the same folder for scripts/serve.mjs, which answers the two
// redemption endpoints with it before Next.js's router. Honours
// LATCHKEY_DIST_DIR like next.config.js.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.LATCHKEY_DIST_DIR ?? ".next");

const DIRECT_ROUTES_FILE = "direct-routes.mjs";

const next = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (next.status !== 0) process.exit(next.status ?? 1);

await build({
  entryPoints: [path.join(root, "lib", "direct-routes.ts")],
  outfile: path.join(distDir, DIRECT_ROUTES_FILE),
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
console.log(`Bundled lib/direct-routes.ts into ${path.relative(root, path.join(distDir, DIRECT_ROUTES_FILE))}`);
