/**
 * History at scale: a map with 50,000 logged updates made by two people through the real
 * server; then, against a restarted server (cold caches), the time to open the history view
 * and the time per scrubber step, measured with the same HistoryPlayer the browser runs (the
 * data path: requests, Yjs, read model and the step's diff; the DOM paint is measured in
 * Chromium by historyBrowser.ts). Baseline in the same run: replaying the log from row 1.
 */
import { HocuspocusProvider } from "@hocuspocus/provider";
import {
  decodeRowFrames,
  diffMaps,
  HistoryPlayer,
  type HistorySource,
  type JourneyMap,
  MapEditor,
  MapReader,
  readJourneyMap,
  type RowFrame,
} from "@journeymap/schema";
import * as Y from "yjs";
import { type ServerProcess, startJourneymap } from "../sync/processes.ts";

export interface HistoryMap {
  readonly server: ServerProcess;
  readonly mapId: string;
  readonly token: string;
  readonly updates: number;
}

export interface Stats {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly n: number;
}

export interface HistoryBenchResult {
  readonly updates: number;
  readonly bursts: number;
  readonly buildSeconds: number;
  /** Open the history view on a restarted server (timeline + board at the last edit). */
  readonly openColdMs: number;
  readonly openWarmMs: number;
  /** Baseline: fetch every row and replay from row 1. */
  readonly openBaselineMs: number;
  /** One scrubber step forward (one row). */
  readonly stepRow: Stats;
  /** "Next step" = the next burst (hundreds of rows). */
  readonly stepBurst: Stats;
  /** A jump to a random moment (backward or far: rebuilt from a chunk start). */
  readonly jump: Stats;
  /** Baseline for a jump: replay rows 1..target, already in memory. */
  readonly jumpBaseline: Stats;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, n: sorted.length };
}

function connect(server: ServerProcess, mapId: string, token: string, name: string) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `${server.wsUrl}?name=${encodeURIComponent(name)}`,
    name: `map:${mapId}`,
    document: doc,
    token,
  });
  const synced = new Promise<void>((resolve) => provider.on("synced", () => resolve()));
  const confirmed = () =>
    new Promise<void>((resolve) => {
      if (provider.unsyncedChanges === 0) return resolve();
      const check = () => {
        if (provider.unsyncedChanges !== 0) return;
        provider.off("unsyncedChanges", check);
        resolve();
      };
      provider.on("unsyncedChanges", check);
    });
  return { doc, synced, confirmed, destroy: () => provider.destroy() };
}

async function caughtUp(a: Y.Doc, b: Y.Doc): Promise<void> {
  const same = () =>
    Buffer.compare(Buffer.from(Y.encodeStateVector(a)), Buffer.from(Y.encodeStateVector(b))) === 0;
  while (!same()) await sleep(5);
}

/** One small, realistic edit: renames, new steps, scores, cell text, moves. */
function edit(editor: MapEditor, map: JourneyMap, i: number): void {
  const phase = map.phases[i % Math.max(1, map.phases.length - 1)]!;
  const steps = map.touchpoints;
  const step = steps[(i * 7) % steps.length]!;
  const persona = map.personas[0];
  switch (i % 8) {
    case 0:
      editor.updatePhase(phase.id, { name: `Phase ${i}` });
      break;
    case 1:
      if (steps.length < 400) editor.addTouchpoint({ phaseId: phase.id, name: `Step ${i}` });
      else editor.updateTouchpoint(step.id, { name: `Step ${i}` });
      break;
    case 2:
    case 3:
      if (persona) editor.setEmotion(persona.id, step.id, (i % 7) - 3);
      break;
    case 4:
      editor.updateTouchpoint(step.id, { action: `Does thing ${i}` });
      break;
    case 5: {
      const lane = map.lanes.find((l) => l.kind === "actions");
      if (lane) editor.setCellText(lane.id, step.id, `Note ${i}`);
      break;
    }
    case 6:
      editor.moveTouchpoint(step.id, phase.id, 0);
      break;
    default:
      editor.updateTouchpoint(step.id, { team: `Team ${i % 5}` });
  }
}

/** Builds the map through the real server: two people, alternating in bursts of `per` edits. */
export async function buildHistoryMap(updates: number, per = 250): Promise<HistoryMap> {
  const server = await startJourneymap();
  const base = `http://127.0.0.1:${server.port}`;
  const res = await fetch(`${base}/api/maps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ template: "default", title: "History bench" }),
  });
  const { id, token } = (await res.json()) as { id: string; token: string };
  const ana = connect(server, id, token, "Ana");
  const bea = connect(server, id, token, "Bea");
  await Promise.all([ana.synced, bea.synced]);
  const people = [ana, bea];
  let written = 1; // the seed
  for (let turn = 0; written < updates; turn++) {
    const who = people[turn % 2]!;
    const other = people[(turn + 1) % 2]!;
    await caughtUp(who.doc, other.doc);
    const reader = new MapReader(who.doc);
    const editor = new MapEditor(who.doc);
    let before = 0;
    const count = () => before++;
    who.doc.on("update", count);
    while (before < per && written + before < updates)
      edit(editor, reader.read(), written + before);
    who.doc.off("update", count);
    reader.destroy();
    written += before;
    await who.confirmed();
  }
  await caughtUp(ana.doc, bea.doc);
  ana.destroy();
  bea.destroy();
  await sleep(300);
  return { server, mapId: id, token, updates: written };
}

function sourceFor(base: string, mapId: string, token: string): HistorySource {
  const get = async (path: string) => {
    const res = await fetch(`${base}/api/maps/${mapId}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  return {
    state: (seq) => get(`/state?seq=${seq}`),
    rows: async (from, to) => decodeRowFrames(await get(`/updates?from=${from}&to=${to}`)),
  };
}

async function allRows(source: HistorySource, total: number): Promise<RowFrame[]> {
  const rows: RowFrame[] = [];
  while (rows.length < total) {
    const page = await source.rows(rows.length + 1, total);
    if (page.length === 0) break;
    rows.push(...page);
  }
  return rows;
}

/** Opens the history: timeline, then the board's read model at the last edit. */
async function open(base: string, map: HistoryMap) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/maps/${map.mapId}/timeline`, {
    headers: { authorization: `Bearer ${map.token}` },
  });
  const timeline = (await res.json()) as { seq: number; bursts: Array<{ toSeq: number }> };
  const player = new HistoryPlayer(sourceFor(base, map.mapId, map.token));
  const at = await player.seek(timeline.seq);
  const reader = new MapReader(at.doc);
  reader.read();
  return { ms: performance.now() - t0, player, reader, timeline };
}

export async function benchHistory(quick: boolean): Promise<HistoryBenchResult> {
  const updates = quick ? 5_000 : 50_000;
  const t0 = performance.now();
  const built = await buildHistoryMap(updates);
  const buildSeconds = (performance.now() - t0) / 1000;
  // Restart on the same store: nothing cached in the server's memory.
  built.server.child.kill("SIGTERM");
  await new Promise((r) => built.server.child.once("exit", r));
  const server = await startJourneymap(built.server.dataDir!);
  const map = { ...built, server };
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const cold = await open(base, map);
    const warm = await open(base, map);
    const { timeline } = warm;

    const source = sourceFor(base, map.mapId, map.token);
    const b0 = performance.now();
    const rows = await allRows(source, timeline.seq);
    const replayed = new Y.Doc();
    for (const r of rows) Y.applyUpdate(replayed, r.bytes);
    readJourneyMap(replayed);
    const openBaselineMs = performance.now() - b0;

    // A step = seek + the reader's update + the diff that drives the highlight.
    const player = warm.player;
    let reader = warm.reader;
    const step = async (target: number) => {
      const before = reader.read();
      const s = performance.now();
      const at = await player.seek(target);
      if (at.rebuilt) {
        reader.destroy();
        reader = new MapReader(at.doc);
      }
      diffMaps(before, reader.read());
      return performance.now() - s;
    };
    const stops = timeline.bursts.map((b) => b.toSeq);
    const random = (n: number) => 1 + Math.floor(Math.random() * n);

    const stepRow: number[] = [];
    const stepBurst: number[] = [];
    const jump: number[] = [];
    for (let i = 0; i < (quick ? 5 : 20); i++) {
      const start = stops[random(stops.length - 4)]!;
      jump.push(await step(start)); // a jump there first
      for (let k = 1; k <= 10; k++) stepRow.push(await step(start + k));
      const next = stops.find((s) => s > start + 10)!;
      stepBurst.push(await step(next));
      jump.push(await step(random(timeline.seq)));
    }

    const jumpBaseline: number[] = [];
    for (let i = 0; i < (quick ? 3 : 5); i++) {
      const target = random(timeline.seq);
      const s = performance.now();
      const doc = new Y.Doc();
      for (const r of rows.slice(0, target)) Y.applyUpdate(doc, r.bytes);
      readJourneyMap(doc);
      jumpBaseline.push(performance.now() - s);
    }
    reader.destroy();
    return {
      updates: timeline.seq,
      bursts: timeline.bursts.length,
      buildSeconds,
      openColdMs: cold.ms,
      openWarmMs: warm.ms,
      openBaselineMs,
      stepRow: stats(stepRow),
      stepBurst: stats(stepBurst),
      jump: stats(jump),
      jumpBaseline: stats(jumpBaseline),
    };
  } finally {
    await server.stop();
  }
}
