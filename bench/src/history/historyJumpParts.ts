/**
 * Where a random history jump's time goes in the replay worker (run by hand, not by `pnpm bench`):
 *   node bench/src/history/historyJumpParts.ts [jumps=20]
 * On the stored 50,000-edit map (BENCH_HISTORY_STORE, as historyProfile.ts) served by a server
 * restarted on a copy of it (BENCH_WEB_DIST: any build), in Node: the same pieces the worker and
 * the page run for a jump, each timed on its own — the chunk start's state and rows fetched, the
 * state decoded, the rows applied, the visit's map read, the moment mirrored onto the display
 * replica, the delta applied to a second document with its incremental reader (the page's part
 * before React) — and, for comparison, the cost of reaching the same target by applying rows to
 * the document of the moment before (what a forward jump without a decode costs).
 */
import {
  CHUNK,
  decodeRowFrames,
  MapReader,
  mirrorMap,
  readJourneyMap,
  type RowFrame,
} from "@journeymap/schema";
import { Timeline } from "@journeymap/protocol/http";
import * as Y from "yjs";
import { startWebServer } from "../web/server.ts";
import { summarize } from "../web/stats.ts";
import { historyStore } from "./historyBench.ts";

const jumps = Number(process.argv[2] ?? 20);
process.env.BENCH_HISTORY_STORE ??= "/tmp/jm-history-bench-stores";
const { mapId, token, dataDir } = await historyStore(50_000);
const dist = process.env.BENCH_WEB_DIST;
if (!dist) throw new Error("BENCH_WEB_DIST: a built app to serve");
const server = await startWebServer(dist, { dataDir });
const auth = { headers: { authorization: `Bearer ${token}` } };
const get = async (p: string) => {
  const res = await fetch(`${server.url}/api/maps/${mapId}${p}`, auth);
  if (!res.ok) throw new Error(`${p}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};
const rowsOf = async (from: number, to: number): Promise<RowFrame[]> => {
  const out: RowFrame[] = [];
  while (from + out.length <= to) {
    const page = decodeRowFrames(await get(`/updates?from=${from + out.length}&to=${to}`));
    if (page.length === 0) break;
    out.push(...page);
  }
  return out;
};
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};
try {
  const timeline = Timeline.parse(
    await (await fetch(`${server.url}/api/maps/${mapId}/timeline`, auth)).json(),
  );
  const last = timeline.seq;
  await get(`/state?seq=${Math.floor(last / CHUNK) * CHUNK}`); // the first replay of the log
  // BENCH_HISTORY_LEAN=1: chunk starts as the worker asks for them (lean once the server has
  // made them in the background: waited for here, as long as BENCH_HISTORY_WARM_MS).
  const lean = process.env.BENCH_HISTORY_LEAN === "1" ? "&lean=1" : "";
  if (lean) {
    await get(`/state?seq=${CHUNK}${lean}`);
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_HISTORY_WARM_MS ?? 30_000)));
  }
  const parts: Record<string, number[]> = {};
  const add = (k: string, v: number) => {
    parts[k] ??= [];
    parts[k].push(v);
  };
  const replica = new Y.Doc();
  const page = new Y.Doc();
  const reader = new MapReader(page);
  let prev: { doc: Y.Doc; seq: number } | null = null;
  for (let i = -5; i < jumps; i++) {
    if (i === 0) for (const k of Object.keys(parts)) parts[k] = []; // the first five warm the JIT
    const target = 1 + Math.floor(Math.random() * (last - 1));
    const chunk = Math.floor(target / CHUNK);
    let t = performance.now();
    const start =
      chunk === 0
        ? Y.encodeStateAsUpdate(new Y.Doc())
        : await get(`/state?seq=${chunk * CHUNK}${lean}`);
    add("fetch state", performance.now() - t);
    add("state KB", start.byteLength / 1024);
    t = performance.now();
    const rows = await rowsOf(chunk * CHUNK + 1, target);
    add("fetch rows", performance.now() - t);
    const doc = new Y.Doc();
    add("decode state", time(() => Y.applyUpdate(doc, start))[1]);
    add(
      "apply rows",
      time(() =>
        doc.transact(() => {
          for (const r of rows) Y.applyUpdate(doc, r.bytes);
        }),
      )[1],
    );
    add("rows", rows.length);
    add("read map (visit)", time(() => readJourneyMap(doc))[1]);
    const updates: Uint8Array[] = [];
    const keep = (u: Uint8Array) => updates.push(u);
    replica.on("update", keep);
    add("mirror", time(() => mirrorMap(replica, doc))[1]);
    replica.off("update", keep);
    const [delta, merge] = time(() =>
      updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    );
    add("merge delta", merge);
    add("delta KB", (delta?.byteLength ?? 0) / 1024);
    add(
      "page: apply delta + read",
      time(() => {
        if (delta) Y.applyUpdate(page, delta);
        reader.read();
      })[1],
    );
    if (prev && prev.seq < target) {
      // The same target reached from the previous moment's document by applying rows.
      const between = await rowsOf(prev.seq + 1, target);
      const [, ms] = time(() =>
        prev!.doc.transact(() => {
          for (const r of between) Y.applyUpdate(prev!.doc, r.bytes);
        }),
      );
      add("forward by rows: ms per 1,000 rows", (ms / Math.max(1, between.length)) * 1000);
      if (!Y.equalSnapshots(Y.snapshot(prev.doc), Y.snapshot(doc)))
        console.log(`forward by rows differs at ${target}`);
    }
    prev?.doc.destroy();
    prev = { doc, seq: target };
  }
  for (const [k, v] of Object.entries(parts)) {
    const s = summarize(v);
    console.log(
      `${k.padEnd(40)} median ${s.median.toFixed(1)}  p95 ${s.p95.toFixed(1)}  max ${s.max.toFixed(1)}  n ${v.length}`,
    );
  }
} finally {
  await server.stop();
}
