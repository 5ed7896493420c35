// Generates the Prisma client into lib/generated. The Prisma CLI insists on a
// schema-engine binary that it downloads at start; generate never runs it, so
// any existing file satisfies the check where the download cannot happen.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
