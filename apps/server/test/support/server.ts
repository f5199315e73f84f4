/** Real servers in the test's process, on port 0 with throw-away data folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SYNC_PATH } from "@journeymap/protocol";
import { onTestFinished } from "vitest";
import { readConfig } from "../../src/config.ts";
import { createServer, type RunningServer, type ServerOptions } from "../../src/createServer.ts";

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly wsUrl: string;
  /** Closes the server and removes its data folder. */
  dispose(): Promise<void>;
}

export interface StartOptions extends Omit<ServerOptions, "logger"> {
  /** The data folder (to restart on one); a fresh one by default. */
  readonly dataDir?: string;
  /** The built web app to serve; none by default. */
  readonly webDist?: string;
  /** PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string;
  /** More environment variables for readConfig (quotas, TRUST_PROXY, REDIS_URL…). */
  readonly env?: Record<string, string>;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "journeymap-test-"));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A stand-in for the built web app (index.html and assets/app.js) in a temporary folder. */
export function fakeWebDist(): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Journeymap</title>");
  writeFileSync(path.join(dir, "assets", "app.js"), "console.log('app');\n");
  return dir;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const { dataDir = tempDir(), webDist = "/nonexistent", databaseUrl, env, ...rest } = options;
  const config = readConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    WEB_DIST: webDist,
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const server = await createServer(config, rest);
  return {
    ...server,
    dataDir,
    wsUrl: `ws://127.0.0.1:${server.port}${SYNC_PATH}`,
    dispose: async () => {
      await server.close();
      removeDir(dataDir);
    },
  };
}

/** A server for the running test only: disposed when the test finishes. */
export async function serverForTest(options: StartOptions = {}): Promise<TestServer> {
  const server = await startServer(options);
  onTestFinished(() => server.dispose());
  return server;
}
