/**
 * The real server as a child process (`node apps/server/src/main.ts`) on a free port with its
 * own data folder, serving the built web app. Restartable on the same data folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAIN = path.join(REPO_ROOT, "apps/server/src/main.ts");
// E2E_WEB_DIST lets parallel work build the web app into separate folders.
const WEB_DIST = process.env.E2E_WEB_DIST ?? path.join(REPO_ROOT, "apps/web/dist");

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}

export interface ServerHandle {
  readonly url: string;
  readonly dataDir: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same data folder, with more environment variables (quotas…). */
  start(env?: Record<string, string>): Promise<void>;
  /** Stops the server and removes its data folder. */
  dispose(): Promise<void>;
}

export async function startServer(): Promise<ServerHandle> {
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(`${WEB_DIST} is missing: run \`pnpm --filter @journeymap/web build\` first`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "journeymap-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async (env: Record<string, string> = {}) => {
    child = spawn(process.execPath, [MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        WEB_DIST,
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    // A deadline, not a count of polls: on a loaded 2-core machine Node takes seconds to start.
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("server did not become healthy");
  };
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, "exit");
    running.kill(signal);
    await exited;
  };
  await start();
  return {
    url,
    dataDir,
    start,
    stop,
    dispose: async () => {
      await stop("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CreatedMap {
  readonly id: string;
  /** The owner's token. */
  readonly token: string;
}

export async function createMap(
  server: ServerHandle,
  title: string,
  template = "default",
): Promise<CreatedMap> {
  const res = await fetch(`${server.url}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title, template }),
  });
  if (res.status !== 201) throw new Error(`create map failed: ${res.status}`);
  return (await res.json()) as CreatedMap;
}

/** A share link's token for `role`, issued with the owner's token. */
export async function shareToken(
  server: ServerHandle,
  map: CreatedMap,
  role: string,
): Promise<string> {
  const res = await fetch(`${server.url}/api/maps/${map.id}/links`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${map.token}` },
    body: JSON.stringify({ role }),
  });
  if (res.status !== 201) throw new Error(`share link failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
