/** Server processes for the benchmark, and their CPU time and memory from /proc. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startServerProcess } from "@journeymap/testkit";
import { heapProbe } from "./heap.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Ours; stock Hocuspocus with its SQLite extension; the y-websocket reference (in memory). */
export type ServerKind = "journeymap" | "stock" | "reference";

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly port: number;
  readonly wsUrl: string;
  readonly child: ChildProcess;
  readonly dataDir: string | null;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
  /** Stops the server with SIGTERM and keeps its data, to restart on it. */
  shutdown(): Promise<void>;
  /** The server's live JavaScript heap now (a snapshot, after garbage collection). */
  liveHeapBytes(): Promise<number>;
}

// BENCH_SERVER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the server.
const PROFILING = process.env.BENCH_SERVER_NODE_OPTIONS ?? "";
const NODE_ARGS = PROFILING.split(" ").filter(Boolean);
// A profiled server must exit normally to write its profile.
const STOP_SIGNAL: NodeJS.Signals = PROFILING ? "SIGTERM" : "SIGKILL";

/**
 * How long a server may take to start. On the shared 2-core machine (load average 15–30) our
 * server took over 40 s to start, which ended a whole `BENCH_ONLY=sync` run halfway.
 */
const START_DEADLINE_MS = 180_000;

async function waitHttp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
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

export async function startJourneymap(dataDir?: string): Promise<ServerProcess> {
  const heap = heapProbe();
  const server = await startServerProcess({
    ...(dataDir ? { dataDir } : {}),
    nodeArgs: [...NODE_ARGS, ...heap.nodeArgs],
    startDeadlineMs: START_DEADLINE_MS,
    env: {
      LOG_LEVEL: "error",
      MAX_CONNECTIONS_PER_ADDRESS: "5000",
      // Every benchmark client connects from 127.0.0.1, thousands at once.
      MAX_UNAUTHENTICATED_CONNECTIONS: "5000",
      MAX_UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS: "5000",
      // The idle benchmark opens one map per connection, thousands of them.
      MAP_CREATIONS_PER_HOUR: "100000",
      // The burst benchmark sends 100k messages at once, far above the production rate limit.
      MESSAGE_RATE_PER_SECOND: "10000000",
      MESSAGE_BURST: "10000000",
    },
  });
  return {
    kind: "journeymap",
    port: server.port,
    wsUrl: server.wsUrl,
    child: server.child,
    dataDir: server.dataDir,
    stop: async () => {
      await server.dispose(STOP_SIGNAL);
      heap.dispose();
    },
    shutdown: async () => {
      await server.stop("SIGTERM");
      heap.dispose();
    },
    liveHeapBytes: () => heap.liveBytes(server.child),
  };
}

export const startReference = (): Promise<ServerProcess> =>
  startScriptServer("reference", "referenceServer.ts", []);

/** Stock Hocuspocus + SQLite on a database file of its own, removed at stop. */
export async function startStock(): Promise<ServerProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-stock-"));
  const server = await startScriptServer("stock", "stockServer.ts", [path.join(dir, "db.sqlite")]);
  return {
    ...server,
    dataDir: dir,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startScriptServer(
  kind: ServerKind,
  script: string,
  args: readonly string[],
): Promise<ServerProcess> {
  const port = await freePort();
  const heap = heapProbe();
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, ...heap.nodeArgs, path.join(HERE, script), String(port), ...args],
    {
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await waitHttp(`http://127.0.0.1:${port}/`, child);
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null) {
      const exited = once(child, "exit");
      child.kill(signal);
      await exited;
    }
    heap.dispose();
  };
  return {
    kind,
    port,
    wsUrl: `ws://127.0.0.1:${port}`,
    child,
    dataDir: null,
    stop: () => stopWith(STOP_SIGNAL),
    shutdown: () => stopWith("SIGTERM"),
    liveHeapBytes: () => heap.liveBytes(child),
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
