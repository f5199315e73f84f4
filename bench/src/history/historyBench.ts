/**
 * `BENCH_ONLY=history`: history at scale. A map with 50,000 logged updates made by two people
 * through the real server; then, against a restarted server (cold caches) serving the built
 * app, in headless Chromium: the time to open the history view beside the time to open the live
 * board of the same map (the baseline, same run), and the time per scrubber move until the
 * board at the new moment is painted (historyBrowser.ts). Also, in Node, the data path alone
 * (requests, Yjs, read model and the step's diff, with the same HistoryPlayer the browser
 * runs) beside replaying the log from row 1 (what a seek would cost without checkpoints).
 *   BENCH_WEB_DIST=<folder>        reuse a build instead of building into a temporary folder
 *   BENCH_HISTORY_STORE=<folder>   keep the built map's store there and reuse it in later runs
 *                                  (building 50,000 edits takes minutes on a loaded machine)
 *   BENCH_HISTORY_ROUNDS=<n>       opens of each view and scrub rounds (default 10 and 20; on a
 *                                  machine other work is loading, fewer, to finish at all)
 *   BENCH_HISTORY_SEED=<n>         draws the scrub's random moves from this seed (the same moves
 *                                  for every build of an A/B; default: new ones each run)
 *   BENCH_HISTORY_RESTART=0        leaves out the restarts with and without the history
 *                                  checkpoints the server kept (historyRestart.ts)
 */
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
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { mapDocumentName } from "@journeymap/protocol";
import { Timeline } from "@journeymap/protocol/http";
import { connectProvider, createMapOverHttp, launchChromium } from "@journeymap/testkit";
import { type ServerProcess, startJourneymap } from "../sync/processes.ts";
import { buildWeb, startWebServer } from "../web/server.ts";
import {
  browserMap,
  measureOpen,
  measureScrub,
  type OpenResults,
  type ScrubResults,
} from "./historyBrowser.ts";
import { measureRestarts, type RestartResults, stopKeepingStore } from "./historyRestart.ts";

/**
 * Steps the map grows to. A workshop map of 8 phases × 60 steps that 50,000 edits have gone
 * over again and again; the board itself at 300 steps is issue 4's benchmark (bench/src/web).
 */
export const MAX_STEPS = 60;

export interface HistoryMap {
  readonly server: ServerProcess;
  readonly mapId: string;
  readonly token: string;
  readonly updates: number;
  /** Phase bands on the board (the synthetic "Unassigned" one included), steps, state size. */
  readonly phases: number;
  readonly steps: number;
  readonly stateBytes: number;
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
  readonly map: { readonly phases: number; readonly steps: number; readonly stateBytes: number };
  readonly chromium: string;
  /** In Chromium: opening the history view and the live board (baseline). */
  readonly open: OpenResults;
  /** In Chromium: input event → the board at the new moment painted. */
  readonly scrub: ScrubResults;
  /** In Node, no DOM: where the time goes that is not the board's rendering. */
  readonly dataPath: DataPath;
  /** Restarted on the same store, with and without its kept history checkpoints (or null). */
  readonly restarts: RestartResults | null;
}

export interface DataPath {
  /** Timeline + the read model at the last edit, through the HTTP API. */
  readonly openMs: number;
  /** Baseline: fetch every row and replay from row 1. */
  readonly openBaselineMs: number;
  /** One step forward (one row). */
  readonly stepRow: Stats;
  /** "Next step" = the next burst (hundreds of rows). */
  readonly stepBurst: Stats;
  /** A jump to a random moment (backward or far: rebuilt from a chunk start). */
  readonly jump: Stats;
  /** Baseline for a jump: replay rows 1..target, already in memory. */
  readonly jumpBaseline: Stats;
}

const NOT_MEASURED: Stats = { p50: Number.NaN, p95: Number.NaN, max: Number.NaN, n: 0 };
const NO_DATA_PATH: DataPath & { bursts: number } = {
  bursts: Number.NaN,
  openMs: Number.NaN,
  openBaselineMs: Number.NaN,
  stepRow: NOT_MEASURED,
  stepBurst: NOT_MEASURED,
  jump: NOT_MEASURED,
  jumpBaseline: NOT_MEASURED,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, n: sorted.length };
}

function connect(server: ServerProcess, mapId: string, token: string, displayName: string) {
  return connectProvider({ wsUrl: server.wsUrl, name: mapDocumentName(mapId), token, displayName });
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
      if (steps.length < MAX_STEPS) editor.addTouchpoint({ phaseId: phase.id, name: `Step ${i}` });
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
  const { id, token } = await createMapOverHttp(`http://127.0.0.1:${server.port}`, {
    template: "default",
    title: "History bench",
  });
  const [ana, bea] = await Promise.all([
    connect(server, id, token, "Ana"),
    connect(server, id, token, "Bea"),
  ]);
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
    // An edit that sets a value to what it already is writes nothing: the next one differs.
    for (let attempt = written; before < per && written + before < updates; attempt++)
      edit(editor, reader.read(), attempt);
    who.doc.off("update", count);
    reader.destroy();
    written += before;
    await who.confirmed();
  }
  await caughtUp(ana.doc, bea.doc);
  const final = readJourneyMap(ana.doc);
  const stateBytes = Y.encodeStateAsUpdate(ana.doc).byteLength;
  ana.destroy();
  bea.destroy();
  await sleep(300);
  return {
    server,
    mapId: id,
    token,
    updates: written,
    phases: final.phases.length,
    steps: final.touchpoints.length,
    stateBytes,
  };
}

type MapAccess = Pick<HistoryMap, "mapId" | "token">;

/** What a stored map needs besides its store: where it is and what it is. */
type StoredMap = Omit<HistoryMap, "server"> & { readonly buildSeconds: number };

/**
 * A stopped server's store holding a map of `updates` edits, in a fresh folder of its own:
 * built through the real server, or copied from BENCH_HISTORY_STORE when it holds one.
 */
export async function historyStore(updates: number): Promise<StoredMap & { dataDir: string }> {
  const keep = process.env.BENCH_HISTORY_STORE;
  const dir = keep ? path.join(keep, String(updates)) : null;
  const meta = dir ? path.join(dir, "bench-map.json") : null;
  if (dir && meta && existsSync(meta)) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "jm-bench-history-store-"));
    cpSync(dir, dataDir, { recursive: true });
    return { ...(JSON.parse(readFileSync(meta, "utf8")) as StoredMap), dataDir };
  }
  const t0 = performance.now();
  const { server, ...built } = await buildHistoryMap(updates);
  const stored: StoredMap = { ...built, buildSeconds: (performance.now() - t0) / 1000 };
  // Stopped with SIGTERM, so the last checkpoint is written, as after a deploy.
  await server.shutdown();
  const dataDir = server.dataDir!;
  if (dir && meta) {
    mkdirSync(dir, { recursive: true });
    cpSync(dataDir, dir, { recursive: true });
    writeFileSync(meta, JSON.stringify(stored));
  }
  return { ...stored, dataDir };
}

/**
 * fetch, once more when the server closed a kept-alive socket just as it was reused (seen on a
 * machine loaded far beyond its cores: one such race ended a 20-minute run).
 */
async function fetchAgain(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

function sourceFor(base: string, mapId: string, token: string): HistorySource {
  const get = async (path: string) => {
    const res = await fetchAgain(`${base}/api/maps/${mapId}${path}`, {
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
async function open(base: string, map: MapAccess) {
  const t0 = performance.now();
  const res = await fetchAgain(`${base}/api/maps/${map.mapId}/timeline`, {
    headers: { authorization: `Bearer ${map.token}` },
  });
  const timeline = Timeline.parse(await res.json());
  const player = new HistoryPlayer(sourceFor(base, map.mapId, map.token));
  const at = await player.seek(timeline.seq);
  const reader = new MapReader(at.doc);
  reader.read();
  return { ms: performance.now() - t0, player, reader, timeline };
}

/** The Node-side data path (no DOM): open, steps and jumps, beside a replay from row 1. */
async function dataPath(
  base: string,
  map: MapAccess,
  rounds: number,
  quick: boolean,
): Promise<DataPath & { bursts: number }> {
  await open(base, map); // warm-up
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
  for (let i = 0; i < rounds; i++) {
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
    bursts: timeline.bursts.length,
    openMs: warm.ms,
    openBaselineMs,
    stepRow: stats(stepRow),
    stepBurst: stats(stepBurst),
    jump: stats(jump),
    jumpBaseline: stats(jumpBaseline),
  };
}

export async function benchHistory(
  quick: boolean,
  log: (line: string) => void = console.log,
): Promise<HistoryBenchResult> {
  const updates = quick ? 5_000 : 50_000;
  const tmp = process.env.BENCH_WEB_DIST
    ? null
    : mkdtempSync(path.join(os.tmpdir(), "jm-bench-history-dist-"));
  const webDist = process.env.BENCH_WEB_DIST ?? buildWeb(tmp!);
  const built = await historyStore(updates);
  const { buildSeconds, dataDir } = built;
  log(`history: ${built.updates} updates logged in ${buildSeconds.toFixed(0)} s`);
  // Restarted on the stopped server's store: nothing cached in the server's memory.
  // The real server on the existing store, serving the built app (as deployed).
  const server = await startWebServer(webDist, {
    dataDir,
    env: { MAX_CONNECTIONS_PER_ADDRESS: "5000" },
  });
  const browser = await launchChromium();
  let stopped = false;
  try {
    // Read only the log's length: the history checkpoints stay cold for the first open.
    const m = await browserMap(server.url, built.mapId, built.token);
    const asked = Number(process.env.BENCH_HISTORY_ROUNDS);
    const rounds = asked > 0 ? asked : quick ? 5 : 20;
    const openResults = await measureOpen(browser, m, asked > 0 ? asked : quick ? 3 : 10);
    log("history: opened in Chromium");
    const scrub = await measureScrub(browser, m, rounds);
    log("history: scrubbed in Chromium");
    // BENCH_HISTORY_NODE=0 leaves the Node data path out (its figures are then NaN).
    const node =
      process.env.BENCH_HISTORY_NODE === "0"
        ? NO_DATA_PATH
        : await dataPath(server.url, built, rounds, quick);
    log("history: data path in Node");
    let restarts: RestartResults | null = null;
    if (process.env.BENCH_HISTORY_RESTART !== "0") {
      const kept = await stopKeepingStore(server, dataDir);
      stopped = true;
      try {
        restarts = await measureRestarts(browser, m, webDist, kept);
      } finally {
        rmSync(kept, { recursive: true, force: true });
      }
    }
    return {
      updates: m.seq,
      bursts: m.stops.length,
      buildSeconds,
      map: { phases: built.phases, steps: built.steps, stateBytes: built.stateBytes },
      chromium: browser.version(),
      open: openResults,
      scrub,
      dataPath: {
        openMs: node.openMs,
        openBaselineMs: node.openBaselineMs,
        stepRow: node.stepRow,
        stepBurst: node.stepBurst,
        jump: node.jump,
        jumpBaseline: node.jumpBaseline,
      },
      restarts,
    };
  } finally {
    await browser.close();
    if (!stopped) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
