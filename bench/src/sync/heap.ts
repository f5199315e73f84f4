/**
 * A server's live JavaScript heap, from a heap snapshot it writes on SIGUSR2 (every benchmark
 * server runs with `--heapsnapshot-signal`). A snapshot collects garbage first, so unlike RSS
 * it does not count what the allocator has not returned yet, nor the young generation's
 * growth under a burst of allocations: the figure that says what each connection keeps.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface HeapProbe {
  /** Node arguments that make the process write snapshots into the probe's folder. */
  readonly nodeArgs: readonly string[];
  /** Live heap bytes now (sum of every object's own size in a fresh snapshot). */
  liveBytes(child: ChildProcess): Promise<number>;
  dispose(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function heapProbe(): HeapProbe {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-heap-"));
  return {
    nodeArgs: ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${dir}`],
    async liveBytes(child) {
      for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
      child.kill("SIGUSR2");
      const file = await finishedSnapshot(dir);
      const bytes = totalSelfSize(readFileSync(file, "utf8"));
      rmSync(file);
      return bytes;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until a snapshot file appears and stops growing (it is written while the process runs). */
async function finishedSnapshot(dir: string): Promise<string> {
  let last = -1;
  for (let i = 0; i < 1200; i++) {
    await sleep(250);
    const name = readdirSync(dir).find((f) => f.endsWith(".heapsnapshot"));
    if (!name) continue;
    const file = path.join(dir, name);
    const size = statSync(file).size;
    // A complete snapshot ends with the closing brace of its JSON object.
    if (size === last && size > 0 && readFileSync(file, "utf8").trimEnd().endsWith("}"))
      return file;
    last = size;
  }
  throw new Error("no heap snapshot written within 5 minutes");
}

export function totalSelfSize(json: string): number {
  const snapshot = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const width = fields.length;
  const self = fields.indexOf("self_size");
  let total = 0;
  for (let i = self; i < snapshot.nodes.length; i += width) total += snapshot.nodes[i]!;
  return total;
}
