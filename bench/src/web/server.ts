/**
 * The web app built into a folder of its own (others' builds are left alone) and the real
 * server serving it from a child process with a fresh data folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, startServerProcess } from "@journeymap/testkit";

export { REPO_ROOT } from "@journeymap/testkit";

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
  /** The server process, for its CPU time. */
  readonly pid: number;
  /** Stops the server (SIGTERM) and removes its data folder. */
  stop(): Promise<void>;
}

/** The server on `dataDir` (a fresh folder by default) serving the build in `webDist`. */
export async function startWebServer(
  webDist: string,
  options: { dataDir?: string; env?: Record<string, string>; nodeArgs?: readonly string[] } = {},
): Promise<WebServer> {
  const server = await startServerProcess({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    // A machine shared with other work can take longer than the default to start a server.
    startDeadlineMs: 120_000,
    env: { WEB_DIST: webDist, LOG_LEVEL: "error", ...options.env },
  });
  return { url: server.url, pid: server.child.pid!, stop: () => server.dispose("SIGTERM") };
}
