/**
 * The web app built into a folder of its own (others' builds are left alone) and the real
 * server serving it from a child process with a fresh data folder.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../sync/processes.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Builds apps/web into `outDir` (production build, as shipped). `minify: false` keeps function
 * names for the profiler; the bundle figures always come from the minified build.
 */
export function buildWeb(outDir: string, options: { minify?: boolean } = {}): string {
  const args = ["--filter", "@journeymap/web", "exec", "vite", "build", "--outDir", outDir];
  args.push("--emptyOutDir", "--logLevel", "warn");
  if (options.minify === false) args.push("--minify", "false");
  execFileSync("pnpm", args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (!existsSync(path.join(outDir, "index.html"))) throw new Error(`no index.html in ${outDir}`);
  return outDir;
}

export interface WebServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startWebServer(webDist: string): Promise<WebServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-web-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "apps/server/src/main.ts")], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      LOG_LEVEL: "error",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (i > 400) throw new Error(`server at ${url} did not become healthy`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
