/**
 * The real server as a child process (`node apps/server/src/main.ts`), as an operator runs it:
 * on a free port with its own data folder, and restartable on both (a restart, a crash, a new
 * quota). For e2e specs, benchmarks and the server tests that kill it or read its output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SYNC_PATH } from "@journeymap/protocol";
import { freePort } from "./freePort.ts";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SERVER_MAIN = path.join(REPO_ROOT, "apps/server/src/main.ts");

/**
 * A deadline, not a count of polls: on a loaded 2-core machine Node takes seconds to start, and
 * more than 40 s was seen at a load average of 21 (four test suites and browsers beside it).
 */
const START_DEADLINE_MS = 90_000;
const POLL_MS = 25;

type Env = Readonly<Record<string, string>>;

export interface ServerProcessOptions {
  /** The data folder; a fresh temporary one by default. dispose() removes it either way. */
  readonly dataDir?: string;
  /** The port; a free one by default. */
  readonly port?: number;
  /** Variables on top of PORT, HOST, DATA_DIR and LOG_LEVEL=warn (which they may override). */
  readonly env?: Env;
  /** Node's own arguments, before the script (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  /** Collects stdout and stderr for output() instead of passing stderr through. */
  readonly captureOutput?: boolean;
  /** How long a start may take before it fails (START_DEADLINE_MS by default). */
  readonly startDeadlineMs?: number;
}

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** The process running now, or the last one. */
  readonly child: ChildProcess;
  /** Everything it wrote so far (with captureOutput). */
  output(): string;
  /** Starts it again on the same port and data folder, with more environment variables. */
  start(env?: Env): Promise<void>;
  /** Sends `signal` and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stops it (SIGKILL unless told otherwise) and removes its data folder. */
  dispose(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), "journeymap-server-"));
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = "";

  const start = async (env: Env = {}) => {
    const capture = options.captureOutput === true;
    const running = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        ...options.env,
        ...env,
      },
      stdio: ["ignore", capture ? "pipe" : "ignore", capture ? "pipe" : "inherit"],
    });
    child = running;
    for (const stream of [running.stdout, running.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
      });
    }
    await untilHealthy(url, running, options.startDeadlineMs ?? START_DEADLINE_MS);
  };

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    const running = child;
    if (!running) return null;
    if (running.exitCode !== null || running.signalCode !== null) return running.exitCode;
    const exited = once(running, "exit");
    running.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  };

  await start();
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}${SYNC_PATH}`,
    port,
    dataDir,
    get child() {
      return child!;
    },
    output: () => output,
    start,
    stop,
    dispose: async (signal = "SIGKILL") => {
      await stop(signal);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function untilHealthy(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`server at ${url} did not become healthy within ${deadlineMs} ms`);
}
