/**
 * Sync server benchmarks: Journeymap (durable log on) beside stock Hocuspocus with its SQLite
 * extension and the y-websocket reference server (in memory), same machine, same run, same
 * client code path where possible.
 */
import { performance } from "node:perf_hooks";

import { type BenchClient, connectClient, createBenchMap, type MapHandle } from "./clients.ts";
import {
  cpuSeconds,
  rssBytes,
  type ServerKind,
  type ServerProcess,
  startJourneymap,
  startReference,
  startStock,
} from "./processes.ts";

export type Kind = ServerKind;
const STARTS: Record<Kind, () => Promise<ServerProcess>> = {
  journeymap: () => startJourneymap(),
  stock: startStock,
  reference: startReference,
};
const start = (kind: Kind) => STARTS[kind]();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function connectAll(
  server: ServerProcess,
  maps: MapHandle[],
  clients: number,
): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  // Connect in small waves: hundreds of simultaneous handshakes measure the kernel, not us.
  for (let i = 0; i < clients; i += 25) {
    const wave = [];
    for (let j = i; j < Math.min(clients, i + 25); j++)
      wave.push(connectClient(server, maps[j % maps.length]!));
    out.push(...(await Promise.all(wave)));
  }
  return out;
}

export interface FanoutResult {
  readonly p50: number;
  readonly p99: number;
  readonly delivered: number;
  readonly cpuPerDeliveredMs: number;
}

/** Every client edits its own key twice a second; latency from edit to arrival elsewhere. */
export async function fanout(
  kind: Kind,
  clients: number,
  mapCount: number,
  seconds: number,
): Promise<FanoutResult> {
  const server = await start(kind);
  try {
    const maps = await Promise.all(
      Array.from({ length: mapCount }, (_, i) => createBenchMap(server, i)),
    );
    const all = await connectAll(server, maps, clients);
    const latencies: number[] = [];
    let measuring = false;
    all.forEach((c, i) => {
      c.doc.getMap<number>("bench").observe((event) => {
        if (!measuring || event.transaction.local) return;
        for (const key of event.keysChanged) {
          if (key === `c${i}`) continue;
          const sent = event.target.get(key);
          if (typeof sent === "number") latencies.push(performance.now() - sent);
        }
      });
    });
    const timers = all.map((c, i) =>
      setInterval(
        () => c.doc.getMap<number>("bench").set(`c${i}`, performance.now()),
        500 + (i % 7),
      ),
    );
    await sleep(1000); // warm-up
    const cpu0 = cpuSeconds(server.child.pid!);
    measuring = true;
    await sleep(seconds * 1000);
    measuring = false;
    const cpu1 = cpuSeconds(server.child.pid!);
    for (const t of timers) clearInterval(t);
    for (const c of all) c.destroy();
    latencies.sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      delivered: latencies.length,
      cpuPerDeliveredMs: ((cpu1 - cpu0) * 1000) / Math.max(1, latencies.length),
    };
  } finally {
    await server.stop();
  }
}

/** Server memory per idle connection: RSS growth when `count` clients sit on one map. */
export async function idleMemory(kind: Kind, count: number): Promise<number> {
  const server = await start(kind);
  try {
    const map = await createBenchMap(server, 0);
    const first = await connectClient(server, map);
    await sleep(500);
    const before = rssBytes(server.child.pid!);
    const rest = await connectAll(server, [map], count);
    await sleep(1500);
    const after = rssBytes(server.child.pid!);
    for (const c of [first, ...rest]) c.destroy();
    return (after - before) / count;
  } finally {
    await server.stop();
  }
}

export interface IdleCost {
  /** Server RSS growth per connection (bytes). */
  readonly bytesPerConnection: number;
  /** Server live heap growth per connection (bytes, after garbage collection). */
  readonly heapBytesPerConnection: number;
  /** Server CPU while every connection sits idle (percent of one core). */
  readonly cpuPercent: number;
}

/**
 * What idle connections cost the server: `count` clients, each on its own map (so presence
 * renewals are not multiplied by a crowd), RSS growth per connection, then CPU over `seconds`
 * of doing nothing (pings, presence renewals, timers).
 */
export async function idleCost(kind: Kind, count: number, seconds: number): Promise<IdleCost> {
  const server = await start(kind);
  try {
    const maps: MapHandle[] = [];
    for (let i = 0; i < count + 1; i += 25) {
      const wave = [];
      for (let j = i; j < Math.min(count + 1, i + 25); j++) wave.push(createBenchMap(server, j));
      maps.push(...(await Promise.all(wave)));
    }
    const first = await connectClient(server, maps[count]!);
    await sleep(500);
    // The snapshot's own memory comes before the RSS baseline, not between the two readings.
    const heapBefore = await server.liveHeapBytes();
    await sleep(500);
    const before = rssBytes(server.child.pid!);
    const rest = await connectAll(server, maps.slice(0, count), count);
    await sleep(3000);
    const after = rssBytes(server.child.pid!);
    const cpu0 = cpuSeconds(server.child.pid!);
    await sleep(seconds * 1000);
    const cpu1 = cpuSeconds(server.child.pid!);
    const heapAfter = await server.liveHeapBytes();
    for (const c of [first, ...rest]) c.destroy();
    return {
      bytesPerConnection: (after - before) / count,
      heapBytesPerConnection: (heapAfter - heapBefore) / count,
      cpuPercent: ((cpu1 - cpu0) / seconds) * 100,
    };
  } finally {
    await server.stop();
  }
}

/** Updates per second when one client sends `count` small updates at once into one map. */
export async function burst(
  kind: Kind,
  count: number,
): Promise<{ rate: number; server: ServerProcess | null; map: MapHandle }> {
  const server = await start(kind);
  const map = await createBenchMap(server, 0);
  const writer = await connectClient(server, map);
  const reader = await connectClient(server, map);
  const done = new Promise<void>((resolve) => {
    reader.doc.getMap<number>("burst").observe(() => {
      if (reader.doc.getMap<number>("burst").get("last") === count - 1) resolve();
    });
  });
  const t0 = performance.now();
  const m = writer.doc.getMap<number>("burst");
  for (let i = 0; i < count; i++) {
    writer.doc.transact(() => {
      m.set(`k${i % 64}`, i);
      if (i === count - 1) m.set("last", i);
    });
  }
  await done;
  await writer.confirmed(); // Journeymap: every update durably logged and acknowledged
  const seconds = (performance.now() - t0) / 1000;
  writer.destroy();
  reader.destroy();
  if (kind !== "journeymap") {
    await server.stop();
    return { rate: count / seconds, server: null, map };
  }
  return { rate: count / seconds, server, map };
}

/**
 * Paced ingest: one client sends `count` small updates into one map, never more than `window`
 * ahead of what a second client has received, so the sender's socket is never flooded; the
 * rate at which they arrive at the second client.
 */
export async function pacedIngest(kind: Kind, count: number, window = 64): Promise<number> {
  const server = await start(kind);
  try {
    const map = await createBenchMap(server, 0);
    const writer = await connectClient(server, map);
    const reader = await connectClient(server, map);
    let received = -1;
    let wake: (() => void) | null = null;
    reader.doc.getMap<number>("paced").observe(() => {
      received = reader.doc.getMap<number>("paced").get("n") ?? -1;
      wake?.();
    });
    const m = writer.doc.getMap<number>("paced");
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      m.set("n", i);
      while (i - received >= window) await new Promise<void>((r) => (wake = r));
    }
    while (received < count - 1) await new Promise<void>((r) => (wake = r));
    await writer.confirmed();
    const seconds = (performance.now() - t0) / 1000;
    writer.destroy();
    reader.destroy();
    return count / seconds;
  } finally {
    await server.stop();
  }
}

/** Time for a fresh client to sync a stored map after the server restarted. */
export async function coldLoad(dataDir: string, map: MapHandle): Promise<number> {
  const server = await startJourneymap(dataDir);
  try {
    const t0 = performance.now();
    const client = await connectClient(server, map);
    const ms = performance.now() - t0;
    client.destroy();
    return ms;
  } finally {
    await server.stop();
  }
}

/** A map holding about `bytes` of content (one large text), for the cold-load benchmark. */
export async function bigMap(bytes: number): Promise<{ dataDir: string; map: MapHandle }> {
  const server = await startJourneymap();
  const map = await createBenchMap(server, 0);
  const client = await connectClient(server, map);
  const text = client.doc.getText("big");
  const chunk = "x".repeat(64 * 1024);
  for (let written = 0; written < bytes; written += chunk.length) text.insert(text.length, chunk);
  await client.confirmed();
  client.destroy();
  await sleep(300);
  await server.shutdown();
  return { dataDir: server.dataDir!, map };
}
