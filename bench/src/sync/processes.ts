/** Server processes for the benchmark, and their CPU time and memory from /proc. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../../..");

export async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, "127.0.0.1");
  await once(srv, "listening");
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}

export interface ServerProcess {
  readonly kind: "journeymap" | "reference";
  readonly port: number;
  readonly wsUrl: string;
  readonly child: ChildProcess;
  readonly dataDir: string | null;
  stop(): Promise<void>;
}

async function waitHttp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`no answer from ${url}`);
}

function stopper(child: ChildProcess, dataDir: string | null) {
  return async () => {
    if (child.exitCode === null) {
      const exited = once(child, "exit");
      // A profiled server must exit normally to write its profile.
      child.kill(process.env.BENCH_SERVER_NODE_OPTIONS ? "SIGTERM" : "SIGKILL");
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function startJourneymap(
  dataDir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-")),
): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_SERVER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "apps/server/src/main.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "error",
      MAX_CONNECTIONS_PER_ADDRESS: "5000",
      // Every benchmark client connects from 127.0.0.1, thousands at once.
      MAX_UNAUTHENTICATED_CONNECTIONS: "5000",
      MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS: "5000",
      // The burst benchmark sends 100k messages at once, far above the production rate limit.
      MESSAGE_RATE_PER_SECOND: "10000000",
      MESSAGE_BURST: "10000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitHttp(`http://127.0.0.1:${port}/healthz`, child);
  return {
    kind: "journeymap",
    port,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    child,
    dataDir,
    stop: stopper(child, dataDir),
  };
}

export async function startReference(): Promise<ServerProcess> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(HERE, "referenceServer.ts"), String(port)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitHttp(`http://127.0.0.1:${port}/`, child);
  return {
    kind: "reference",
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    child,
    dataDir: null,
    stop: stopper(child, null),
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds a process has used. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory of a process in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb) * 1024;
}
