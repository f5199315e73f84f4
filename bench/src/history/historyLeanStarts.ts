/**
 * What lean chunk starts save (issue 16, R7; run by hand, not by `pnpm bench`):
 *   node bench/src/history/historyLeanStarts.ts
 * On the stored 50,000-edit map (BENCH_HISTORY_STORE, as historyProfile.ts), for every chunk
 * start whose next LEAN_REACH rows are logged: the full state's and the lean state's bytes, the
 * time to decode each (median of 15), and the time to make the lean one (prune and check), as
 * the server does (`leanState`). Every tenth start is printed, then the totals.
 */
import { CHUNK, LEAN_REACH, leanState } from "@journeymap/schema";
import { SqliteMapStore, storeFileIn } from "@journeymap/storage";
import * as Y from "yjs";
import { mapDocumentName } from "@journeymap/protocol";
import { summarize } from "../web/stats.ts";
import { historyStore } from "./historyBench.ts";

process.env.BENCH_HISTORY_STORE ??= "/tmp/jm-history-bench-stores";
const { mapId, dataDir } = await historyStore(50_000);
const store = new SqliteMapStore(storeFileIn(dataDir));
const doc = mapDocumentName(mapId);
const rows = (await store.readUpdates(doc, 1, Number.MAX_SAFE_INTEGER)).map((r) => r.bytes);
await store.close();

function decodeMs(update: Uint8Array): number {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const began = performance.now();
    Y.applyUpdate(new Y.Doc(), update);
    times.push(performance.now() - began);
  }
  return summarize(times).median;
}

const replay = new Y.Doc();
const made: number[] = [];
let checked = 0;
let refused = 0;
console.log("start | full bytes | lean bytes | decode full / lean ms | make ms");
for (let k = CHUNK; k + LEAN_REACH <= rows.length; k += CHUNK) {
  for (const row of rows.slice(k - CHUNK, k)) Y.applyUpdate(replay, row);
  const full = Y.encodeStateAsUpdate(replay);
  const began = performance.now();
  const lean = await leanState(full, rows.slice(k, k + LEAN_REACH));
  made.push(performance.now() - began);
  checked++;
  if (!lean) refused++;
  if ((k / CHUNK) % 10 === 0) {
    const leanMs = lean ? decodeMs(lean).toFixed(2) : "—";
    console.log(
      `${k} | ${full.byteLength} | ${lean?.byteLength ?? "none"} | ${decodeMs(full).toFixed(1)} / ${leanMs} | ${made.at(-1)!.toFixed(0)}`,
    );
  }
}
const total = made.reduce((a, b) => a + b, 0);
const { median, p95 } = summarize(made);
console.log(
  `\n${checked} chunk starts, ${refused} without a lean state; making each ${median.toFixed(0)} ms median, ${p95.toFixed(0)} p95, ${(total / 1000).toFixed(1)} s in all`,
);
