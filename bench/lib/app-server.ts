// The production app for the benchmark: built into its own folder (so a
// developer's `.next` and the end-to-end build are left alone) and served by
// the same server bundle as `npm start` (server/main.ts), started with node
// directly so that SIGTERM reaches it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUILD_SOURCES, SERVER_ENV, SERVER_NODE_ARGS, serverBundle } from "../../server/runtime";

export interface AppServer {
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

/**
 * `npm run build` (scripts/build.mjs) into `distDir`. Next rewrites tsconfig.json to include that
 * folder's generated types; the file is put back as it was, so a benchmark
 * leaves the working tree clean.
 */
export function buildApp(root: string, distDir: string, logFile: string): void {
  const tsconfig = path.join(root, "tsconfig.json");
  const saved = readFileSync(tsconfig, "utf8");
  try {
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", LATCHKEY_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
    if (result.status !== 0) throw new Error(`The build failed; see ${logFile}`);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== saved) writeFileSync(tsconfig, saved);
  }
}

/** Whether `distDir` holds a build at least as new as every source it was built from. */
export function buildIsFresh(root: string, distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(serverBundle(root, distDir))) return false;
  const result = spawnSync("find", [...BUILD_SOURCES, "-newer", buildId, "-not", "-path", "lib/generated/*", "-print", "-quit"], {
    cwd: root,
    encoding: "utf8",
  });
  return result.status === 0 && result.stdout.trim() === "";
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} while starting`);
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer ${origin}/api/health within ${timeoutMs / 1000} s`);
}

/** Runs as `npm start` does (server/runtime.ts); `nodeArgs` are added, e.g. `--cpu-prof` (which NODE_OPTIONS refuses). */
export async function startApp(options: {
  root: string;
  distDir: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  nodeArgs?: string[];
}): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...(options.nodeArgs ?? []), serverBundle(options.root, options.distDir), "start"], {
    cwd: options.root,
    env: {
      ...process.env,
      ...SERVER_ENV,
      ...options.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      LATCHKEY_DIST_DIR: options.distDir,
      APP_URL: origin,
      NEXTAUTH_URL: origin,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("close", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    log.end();
  };
  try {
    await waitForHealth(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, origin, stop };
}
